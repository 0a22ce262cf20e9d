package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.testing.Fixtures;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeminiStreamTranslatorTest {

    @Test
    void should_translate_a_captured_stream_the_same_wherever_the_network_splits_it() {
        byte[] capture = Fixtures.bytes("provider/gemini/stream-text.sse");
        List<String> whole = translate(capture, capture.length, true);
        for (int split = 1; split < capture.length; split++) {
            assertThat(translate(capture, split, true)).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void should_stream_role_then_text_deltas_then_finish_then_usage() {
        // when
        List<JsonNode> chunks = chunks(Fixtures.bytes("provider/gemini/stream-text.sse"), true);

        // then
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo("chatcmpl-tTCwacuEBMvnitYP06qsgQY");
            assertThat(chunk.path("model").asText()).isEqualTo("gemini-3.1-flash-lite-preview");
        });
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("Hello! How can I help you today?");
        assertThat(chunks).hasSize(5);
        JsonNode finish = chunks.get(3).path("choices").path(0);
        assertThat(finish.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("delta").isEmpty()).isTrue();
        JsonNode usage = chunks.get(4);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(1);
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(9);
        assertThat(usage.path("usage").path("total_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void should_send_no_usage_chunk_unless_asked() {
        // when
        List<JsonNode> chunks = chunks(Fixtures.bytes("provider/gemini/stream-text.sse"), false);

        // then
        assertThat(chunks).noneSatisfy(chunk -> assertThat(chunk.has("usage")).isTrue());
    }

    @Test
    void should_stream_a_function_call_as_header_then_arguments() throws Exception {
        // when
        List<JsonNode> chunks = chunks(Fixtures.bytes("provider/gemini/stream-function-call.sse"), true);

        // then
        JsonNode reasoning = chunks.get(0).path("choices").path(0).path("delta");
        assertThat(reasoning.path("role").asText()).isEqualTo("assistant");
        assertThat(reasoning.path("reasoning_content").asText()).startsWith("**Planning**");
        JsonNode header = chunks.get(1).path("choices").path(0).path("delta").path("tool_calls").path(0);
        assertThat(header.path("index").asInt()).isZero();
        assertThat(header.path("id").asText()).startsWith("call_").contains("CiQBVKhc7u8Pq2ZqKQ==");
        assertThat(header.path("type").asText()).isEqualTo("function");
        assertThat(header.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(header.path("function").path("arguments").asText()).isEmpty();
        JsonNode arguments = chunks.get(2).path("choices").path(0).path("delta").path("tool_calls").path(0);
        assertThat(arguments.path("index").asInt()).isZero();
        assertThat(arguments.has("id")).isFalse();
        assertThat(Json.mapper().readTree(arguments.path("function").path("arguments").asText()))
                .isEqualTo(Json.mapper().readTree("{\"city\": \"Paris\", \"unit\": \"celsius\"}"));
        assertThat(chunks.get(3).path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(chunks.get(4).path("usage").path("completion_tokens").asInt()).isEqualTo(59);
        assertThat(chunks.get(4).path("usage").path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void should_finish_a_stream_that_the_server_closed_without_a_finish_reason() {
        // given
        byte[] capture = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}], \"role\": \"model\"}}]}\n\n"
                .getBytes(StandardCharsets.UTF_8);

        // when
        List<JsonNode> chunks = chunks(capture, true);

        // then
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.get(2).path("usage").path("total_tokens").asInt()).isZero();
    }

    @Test
    void should_report_a_stream_closed_before_any_event_as_broken() {
        // when
        boolean cleanEnd = new GeminiStreamTranslator("gemini", "m", true).onClose(payload -> { });

        // then
        assertThat(cleanEnd).isFalse();
    }

    @Test
    void should_fail_before_the_first_chunk_when_the_prompt_was_blocked() {
        // given
        byte[] capture = ("data: " + new String(Fixtures.bytes("provider/gemini/response-blocked-prompt.gemini.json"),
                StandardCharsets.UTF_8).replace("\n", "") + "\n\n").getBytes(StandardCharsets.UTF_8);

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> chunks(capture, false));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(error.provider()).isEqualTo("gemini");
    }

    @Test
    void should_end_with_a_content_filter_finish_when_safety_stops_a_started_answer() {
        // given
        byte[] capture = ("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Step one\"}]}}]}\n\n"
                + "data: {\"candidates\": [{\"finishReason\": \"SAFETY\"}]}\n\n").getBytes(StandardCharsets.UTF_8);

        // when
        List<JsonNode> chunks = chunks(capture, false);

        // then
        assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("content_filter");
    }

    @Test
    void should_raise_an_error_event_sent_inside_the_stream() {
        // given
        byte[] capture = ("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}]}}]}\n\n"
                + "data: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\", \"status\": \"UNAVAILABLE\"}}\n\n")
                .getBytes(StandardCharsets.UTF_8);

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> chunks(capture, false));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.retriable()).isTrue();
    }

    private static List<JsonNode> chunks(byte[] capture, boolean includeUsage) {
        List<JsonNode> chunks = new ArrayList<>();
        for (String payload : translate(capture, capture.length, includeUsage)) {
            try {
                chunks.add(Json.mapper().readTree(payload));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return chunks;
    }

    /** Feeds {@code capture} in pieces of {@code split} bytes, then closes; ids made comparable across runs. */
    private static List<String> translate(byte[] capture, int split, boolean includeUsage) {
        GeminiStreamTranslator translator = new GeminiStreamTranslator("gemini", "public-model", includeUsage);
        List<String> out = new ArrayList<>();
        SseParser parser = new SseParser((SseEvent event) -> translator.onEvent(event, payload -> out.add(normalized(payload))));
        for (int start = 0; start < capture.length; start += split) {
            parser.feed(ByteBuffer.wrap(capture, start, Math.min(split, capture.length - start)));
        }
        assertThat(parser.hasPartialEvent()).isFalse();
        assertThat(translator.onClose(payload -> out.add(normalized(payload)))).isTrue();
        return out;
    }

    private static String normalized(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8).replaceAll("call_[0-9a-f]+", "call_X")
                .replaceAll("\"created\":\\d+", "\"created\":0");
    }
}
