package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FromAnthropicTest {
    private final FromAnthropic fromAnthropic = new FromAnthropic(Fixtures.CLOCK);
    private final ToolNames toolNames = ToolNames.of(List.of("foo/bar", "foo_bar", "get_weather"), Set.of());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "tool-use", "thinking"})
    void should_translate_a_documented_anthropic_response_into_a_chat_completion(String fixture) {
        // when
        JsonNode completion = Fixtures.parse(Json.bytes(
                fromAnthropic.translate(Fixtures.json("response-" + fixture + ".anthropic.json"), toolNames)));

        // then: compared as written on the wire
        assertThat(completion).isEqualTo(Fixtures.json("response-" + fixture + ".openai.json"));
    }

    @Test
    void should_answer_null_content_when_there_is_only_a_tool_call() {
        // given
        JsonNode message = Fixtures.parse("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude", "stop_reason": "tool_use",
                 "content": [{"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}],
                 "usage": {"input_tokens": 1, "output_tokens": 1}}""");

        // when
        JsonNode assistant = fromAnthropic.translate(message, toolNames).path("choices").path(0).path("message");

        // then
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").path(0).path("function").path("arguments").asText())
                .isEqualTo("{\"city\":\"Paris\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"end_turn, stop", "stop_sequence, stop", "max_tokens, length", "tool_use, tool_calls",
            "refusal, content_filter", "pause_turn, stop", "model_context_window_exceeded, length"})
    void should_map_each_stop_reason_to_a_finish_reason(String stopReason, String finishReason) {
        // then
        assertThat(FromAnthropic.finishReason(stopReason)).isEqualTo(finishReason);
    }
}
