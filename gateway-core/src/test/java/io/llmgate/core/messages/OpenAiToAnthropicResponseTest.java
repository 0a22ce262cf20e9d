package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.llmgate.core.messages.MessagesFixtures.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiToAnthropicResponseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "tool-calls", "reasoning", "refusal"})
    void should_translate_the_chat_completion_to_an_anthropic_message(String fixture) {
        // given
        JsonNode completion = MessagesFixtures.json("response/" + fixture + ".openai.json");

        // when
        JsonNode message = OpenAiToAnthropicResponse.translate(completion, "my-model", new ToolNames());

        // then
        assertJsonEquals(message, MessagesFixtures.json("response/" + fixture + ".anthropic.json"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"stop, end_turn", "length, max_tokens", "tool_calls, tool_use", "function_call, tool_use",
            "content_filter, refusal", "something_new, end_turn"})
    void should_map_finish_reasons_to_stop_reasons(String finishReason, String stopReason) {
        // when / then
        assertThat(OpenAiToAnthropicFinish.stopReason(finishReason)).isEqualTo(stopReason);
    }

    @Test
    void should_end_a_turn_without_a_finish_reason() {
        // when / then
        assertThat(OpenAiToAnthropicFinish.stopReason(null)).isEqualTo("end_turn");
    }

    @Test
    void should_restore_a_shortened_tool_name_and_give_unparsable_arguments_an_empty_input() throws Exception {
        // given
        ToolNames names = new ToolNames();
        String longName = "mcp__server__" + "y".repeat(70);
        String sent = names.toOpenAi(longName);
        JsonNode completion = Json.mapper().readTree("""
                {"id": "c1", "choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "%s", "arguments": "{\\"city\\": \\"Pa"}}]},
                  "finish_reason": "tool_calls"}]}""".formatted(sent));

        // when
        JsonNode message = OpenAiToAnthropicResponse.translate(completion, "m", names);

        // then
        assertThat(message.at("/content/0/name").asText()).isEqualTo(longName);
        assertThat(message.at("/content/0/input").isObject()).isTrue();
        assertThat(message.at("/content/0/input")).isEmpty();
        assertThat(message.at("/usage/input_tokens").asInt()).isZero();
    }

    @Test
    void should_name_a_message_and_a_tool_call_the_provider_left_without_ids() throws Exception {
        // given
        JsonNode completion = Json.mapper().readTree("""
                {"choices": [{"message": {"content": "", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]},
                  "finish_reason": "tool_calls"}]}""");

        // when
        JsonNode message = OpenAiToAnthropicResponse.translate(completion, "m", new ToolNames());

        // then
        assertThat(message.path("id").asText()).matches("msg_[0-9a-f]{32}");
        assertThat(message.path("content")).hasSize(1);
        assertThat(message.at("/content/0/id").asText()).matches("toolu_[0-9a-f]{32}");
    }
}
