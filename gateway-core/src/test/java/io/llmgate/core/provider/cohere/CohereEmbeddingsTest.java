package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CohereEmbeddingsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: embed
                litellm_params: { model: cohere/embed-english-v3.0, api_key: co-key }
            """);
    /** Cohere's v2 embed answer as its API reference shows it. */
    private static final byte[] ANSWER = """
            {"id": "da6e531f-4c3b-4a5e-9b8a-1f0a0e8c9d77",
             "embeddings": {"float": [[0.016296387, -0.008354187, -0.04699707], [0.5, 0.25, -1.0]]},
             "texts": ["hello", "goodbye"],
             "meta": {"api_version": {"version": "2"}, "billed_units": {"input_tokens": 2}},
             "response_type": "embeddings_by_type"}""".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_ask_for_float_embeddings_of_search_documents_by_default() {
        // when
        JsonNode body = ToCohereEmbed.body(request("\"input\":[\"hello\",\"goodbye\"],\"dimensions\":256"), DEPLOYMENT);

        // then
        assertThat(body.path("model").asText()).isEqualTo("embed-english-v3.0");
        assertThat(body.path("texts")).hasSize(2);
        assertThat(body.path("input_type").asText()).isEqualTo("search_document");
        assertThat(body.path("embedding_types").path(0).asText()).isEqualTo("float");
        assertThat(body.path("output_dimension").asInt()).isEqualTo(256);
    }

    @Test
    void should_take_the_input_type_the_caller_gives() {
        // when
        JsonNode body = ToCohereEmbed.body(request("\"input\":\"hello\",\"input_type\":\"search_query\""), DEPLOYMENT);

        // then
        assertThat(body.path("texts").path(0).asText()).isEqualTo("hello");
        assertThat(body.path("input_type").asText()).isEqualTo("search_query");
    }

    @Test
    void should_refuse_token_id_inputs() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> ToCohereEmbed.body(request("\"input\":[[1,2,3]]"), DEPLOYMENT));

        // then
        assertThat(error.param()).isEqualTo("input");
    }

    @Test
    void should_answer_an_openai_embedding_list() {
        // when
        JsonNode list = FromCohereEmbed.embeddings(request("\"input\":[\"hello\",\"goodbye\"]"), ANSWER);

        // then
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("model").asText()).isEqualTo("embed");
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(list.path("data").path(1).path("object").asText()).isEqualTo("embedding");
        assertThat(list.path("data").path(1).path("embedding").path(2).asDouble()).isEqualTo(-1.0);
        assertThat(list.path("usage").path("prompt_tokens").asInt()).isEqualTo(2);
        assertThat(list.path("usage").path("total_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void should_encode_vectors_as_base64_float32_when_asked() {
        // when
        JsonNode list = FromCohereEmbed.embeddings(request("\"input\":\"x\",\"encoding_format\":\"base64\""), ANSWER);

        // then
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(list.path("data").path(1).path("embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(12);
        assertThat(bytes.getFloat()).isEqualTo(0.5f);
        assertThat(bytes.getFloat()).isEqualTo(0.25f);
        assertThat(bytes.getFloat()).isEqualTo(-1.0f);
    }

    private static InferenceRequest request(String fields) {
        return RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS, ("{\"model\":\"embed\"," + fields + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
