package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.testkit.provider.bedrock.EventStreamMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Binary ConverseStream bodies, cut at random places, through the decoder and the translator. */
class ConverseStreamTranslatorTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 7, 99})
    void should_stream_text_then_a_tool_call_the_openai_way(long seed) {
        // when
        Result result = translate(BedrockFixtures.eventStream("converse-stream-tool-use.events.json"), true, seed);

        // then
        assertThat(result.ended()).isTrue();
        List<JsonNode> chunks = result.chunks();
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks).extracting(c -> c.path("id").asText()).containsOnly(chunks.get(0).path("id").asText());
        assertThat(chunks.get(0).path("choices").path(0).path("delta")).isEqualTo(json("{\"role\":\"assistant\",\"content\":\"\"}"));
        assertThat(content(chunks)).isEqualTo("Let me check.");
        JsonNode opening = toolDeltas(chunks).get(0);
        assertThat(opening).isEqualTo(json("""
                {"index": 0, "id": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "type": "function",
                 "function": {"name": "top_song", "arguments": ""}}"""));
        StringBuilder arguments = new StringBuilder();
        toolDeltas(chunks).forEach(d -> arguments.append(d.path("function").path("arguments").asText()));
        assertThat(toolDeltas(chunks)).allSatisfy(d -> assertThat(d.path("index").asInt()).isZero());
        assertThat(json(arguments.toString())).isEqualTo(json("{\"sign\": \"WZPZ\"}"));
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage")).isEqualTo(json("{\"prompt_tokens\": 375, \"completion_tokens\": 68, \"total_tokens\": 443}"));
    }

    @Test
    void should_stream_reasoning_and_count_cached_prompt_tokens() {
        // when
        Result result = translate(BedrockFixtures.eventStream("converse-stream-reasoning.events.json"), true, 5);

        // then
        List<JsonNode> chunks = result.chunks();
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("delta").path("reasoning_content").asText())
                .isEqualTo("Paris is the capital"));
        assertThat(content(chunks)).isEqualTo("Paris.");
        assertThat(chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(chunks.get(chunks.size() - 1).path("usage")).isEqualTo(json("""
                {"prompt_tokens": 1520, "completion_tokens": 30, "total_tokens": 1550,
                 "prompt_tokens_details": {"cached_tokens": 1500}, "cache_read_input_tokens": 1500,
                 "cache_creation_input_tokens": 0}"""));
    }

    @Test
    void should_send_no_usage_chunk_unless_asked() {
        // when
        Result result = translate(BedrockFixtures.eventStream("converse-stream-tool-use.events.json"), false, 1);

        // then
        assertThat(result.ended()).isTrue();
        assertThat(result.chunks()).noneSatisfy(c -> assertThat(c.has("usage")).isTrue());
        assertThat(result.chunks().get(result.chunks().size() - 1).path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("tool_calls");
    }

    @Test
    void should_end_cleanly_at_the_close_once_the_message_stopped() {
        // given
        ConverseStreamTranslator translator = new ConverseStreamTranslator("m", true);
        List<byte[]> emitted = new ArrayList<>();
        boolean closedEarly = translator.onClose(emitted::add);
        translator.onEvent(event("messageStart", "{\"role\":\"assistant\"}"), emitted::add);
        boolean closedMidway = translator.onClose(emitted::add);
        translator.onEvent(event("messageStop", "{\"stopReason\":\"end_turn\"}"), emitted::add);

        // when
        boolean closedAfterStop = translator.onClose(emitted::add);

        // then
        assertThat(closedEarly).isFalse();
        assertThat(closedMidway).isFalse();
        assertThat(closedAfterStop).isTrue();
    }

    @Test
    void should_fail_the_stream_with_a_classified_error_on_an_exception_message() {
        // given
        byte[] body = concat(EventStreamMessages.event("messageStart", Json.mapper().createObjectNode().put("role", "assistant")),
                EventStreamMessages.exception("throttlingException", "Too many requests, please wait before trying again."));

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> translate(body, false, 3));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.retriable()).isTrue();
        assertThat(error.provider()).isEqualTo("bedrock");
        assertThat(error.model()).isEqualTo("claude-on-bedrock");
        assertThat(error).hasMessage("bedrock stream failed with throttlingException: Too many requests, please wait"
                + " before trying again.");
    }

    @Test
    void should_classify_an_input_too_long_inside_the_stream_as_an_exceeded_context_window() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> translate(
                EventStreamMessages.exception("validationException", "Input is too long for requested model."), false, 3));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTEXT_WINDOW_EXCEEDED);
        assertThat(error.status()).isEqualTo(400);
    }

    private record Result(List<JsonNode> chunks, boolean ended) {
    }

    private static Result translate(byte[] body, boolean includeUsage, long seed) {
        ConverseStreamTranslator translator = new ConverseStreamTranslator("claude-on-bedrock", includeUsage);
        List<JsonNode> chunks = new ArrayList<>();
        boolean[] ended = {false};
        EventStreamDecoder decoder = new EventStreamDecoder(event -> {
            if (!ended[0]) {
                ended[0] = !translator.onEvent(event, payload -> chunks.add(json(new String(payload, StandardCharsets.UTF_8))));
            }
        });
        Random random = new Random(seed);
        for (int at = 0; at < body.length; ) {
            int size = Math.min(body.length - at, 1 + random.nextInt(64));
            decoder.feed(ByteBuffer.wrap(Arrays.copyOfRange(body, at, at + size)));
            at += size;
        }
        return new Result(chunks, ended[0]);
    }

    private static String content(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        return text.toString();
    }

    private static List<JsonNode> toolDeltas(List<JsonNode> chunks) {
        return chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("tool_calls").path(0))
                .filter(JsonNode::isObject).toList();
    }

    private static SseEvent event(String type, String payload) {
        return new SseEvent(type, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static JsonNode json(String text) {
        return BedrockFixtures.parse(text);
    }
}
