package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbeddingsTest {
    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_embed_a_string_as_one_unit_vector_of_eight_floats() throws Exception {
        // when
        JsonNode body = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"The food was delicious\"}");

        // then
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(body.get("data")).hasSize(1);
        JsonNode first = body.get("data").get(0);
        assertThat(first.get("object").asText()).isEqualTo("embedding");
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("embedding")).hasSize(8);
        double squares = 0;
        for (JsonNode value : first.get("embedding")) {
            squares += value.asDouble() * value.asDouble();
        }
        assertThat(squares).isCloseTo(1.0, within(1e-5));
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo("The food was delicious".length() / 4);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(body.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void should_embed_each_string_of_an_array_with_the_requested_dimensions() throws Exception {
        // when
        JsonNode body = embed("{\"model\":\"e\",\"input\":[\"one\",\"two\",\"three\"],\"dimensions\":3}");

        // then
        assertThat(body.get("data")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(body.get("data").get(i).get("index").asInt()).isEqualTo(i);
            assertThat(body.get("data").get(i).get("embedding")).hasSize(3);
        }
    }

    @Test
    void should_embed_the_same_input_the_same_way() throws Exception {
        // when
        JsonNode first = embed("{\"model\":\"e\",\"input\":\"same\"}");
        JsonNode second = embed("{\"model\":\"e\",\"input\":[\"other\",\"same\"]}");

        // then
        assertThat(second.at("/data/1/embedding")).isEqualTo(first.at("/data/0/embedding"));
        assertThat(second.at("/data/0/embedding")).isNotEqualTo(first.at("/data/0/embedding"));
    }

    @Test
    void should_encode_base64_as_little_endian_float32() throws Exception {
        // when
        JsonNode floats = embed("{\"model\":\"e\",\"input\":\"abc\"}");
        JsonNode encoded = embed("{\"model\":\"e\",\"input\":\"abc\",\"encoding_format\":\"base64\"}");

        // then
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(8 * Float.BYTES);
        for (JsonNode value : floats.at("/data/0/embedding")) {
            assertThat(bytes.getFloat()).isEqualTo(value.floatValue());
        }
    }

    private JsonNode embed(String request) throws Exception {
        var response = http.post("/embeddings", request);
        assertThat(response.statusCode()).isEqualTo(200);
        return OpenAiHttp.parse(response.body());
    }
}
