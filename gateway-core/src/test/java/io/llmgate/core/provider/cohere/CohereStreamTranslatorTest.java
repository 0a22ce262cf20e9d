package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.testing.StreamReplay;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CohereStreamTranslatorTest {
    private static final byte[] TEXT = StreamReplay.resource("/provider/cohere/stream-text.sse");
    private static final byte[] TOOLS = StreamReplay.resource("/provider/cohere/stream-tool.sse");

    @Test
    void should_stream_text_as_openai_chunks_at_any_split() {
        for (int split = 0; split <= TEXT.length; split++) {
            // when
            StreamReplay.Result result = StreamReplay.replay(TEXT, split, () -> new CohereStreamTranslator(request(true)));

            // then
            List<JsonNode> chunks = result.payloads();
            assertThat(result.endedByProvider()).as("split at %d", split).isTrue();
            assertThat(chunks).as("split at %d", split).hasSize(6)
                    .allSatisfy(chunk -> {
                        assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
                        assertThat(chunk.path("id").asText()).isEqualTo("29f14a5a-11de-4cae-9800-25e4747408ea");
                        assertThat(chunk.path("model").asText()).isEqualTo("public-cohere");
                    });
            assertThat(delta(chunks.get(0)).path("role").asText()).isEqualTo("assistant");
            assertThat(text(chunks)).isEqualTo("Hello! How can I help you today? ✨");
            assertThat(chunks.get(4).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
            assertThat(chunks.get(5).path("choices")).isEmpty();
            assertThat(chunks.get(5).path("usage").path("prompt_tokens").asInt()).isEqualTo(69);
            assertThat(chunks.get(5).path("usage").path("completion_tokens").asInt()).isEqualTo(9);
            assertThat(chunks.get(5).path("usage").path("total_tokens").asInt()).isEqualTo(78);
        }
    }

    @Test
    void should_leave_out_the_usage_chunk_unless_asked() {
        // when
        StreamReplay.Result result = StreamReplay.replay(TEXT, 0, () -> new CohereStreamTranslator(request(false)));

        // then
        assertThat(result.payloads()).hasSize(5).noneSatisfy(chunk -> assertThat(chunk.has("usage")).isTrue());
    }

    @Test
    void should_stream_tool_calls_with_an_index_each_and_argument_fragments() {
        for (int split = 0; split <= TOOLS.length; split++) {
            // when
            List<JsonNode> chunks = StreamReplay.replay(TOOLS, split, () -> new CohereStreamTranslator(request(false))).payloads();

            // then
            assertThat(text(chunks)).isEqualTo("I will check the weather.");
            List<JsonNode> calls = chunks.stream().map(c -> delta(c).path("tool_calls").path(0))
                    .filter(call -> !call.isMissingNode()).toList();
            assertThat(calls).as("split at %d", split).hasSize(5);
            assertThat(calls.get(0).path("index").asInt()).isZero();
            assertThat(calls.get(0).path("id").asText()).isEqualTo("get_weather_nsz5zm3w56q3");
            assertThat(calls.get(0).path("type").asText()).isEqualTo("function");
            assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("get_weather");
            assertThat(calls.get(0).path("function").path("arguments").asText()).isEmpty();
            assertThat(calls.get(1).path("function").path("arguments").asText()
                    + calls.get(2).path("function").path("arguments").asText()).isEqualTo("{\n    \"location\": \"Toronto\"\n}");
            assertThat(calls.get(1).has("id")).isFalse();
            assertThat(calls.get(3).path("index").asInt()).isEqualTo(1);
            assertThat(calls.get(3).path("id").asText()).isEqualTo("get_weather_2");
            assertThat(calls.get(4).path("function").path("arguments").asText()).isEqualTo("{\"location\": \"Paris\"}");
            assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText())
                    .isEqualTo("tool_calls");
        }
    }

    private static JsonNode delta(JsonNode chunk) {
        return chunk.path("choices").path(0).path("delta");
    }

    private static String text(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(delta(chunk).path("content").asText("")));
        return text.toString();
    }

    private static InferenceRequest request(boolean includeUsage) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"public-cohere\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":" + includeUsage + "},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
