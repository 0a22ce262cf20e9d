package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FromConverseTest {

    @Test
    void should_translate_text_tool_use_reasoning_and_cached_usage() throws IOException {
        // when
        JsonNode completion = Json.mapper().readTree(
                FromConverse.chatCompletion(BedrockFixtures.bytes("converse-response.json"), "claude-on-bedrock"));

        // then
        assertThat(completion.path("id").asText()).startsWith("chatcmpl-");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("created").asLong()).isPositive();
        assertThat(completion.path("model").asText()).isEqualTo("claude-on-bedrock");
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode message = choice.path("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("content").asText()).isEqualTo("I'll check the station's charts.");
        assertThat(message.path("reasoning_content").asText()).isEqualTo("The user wants the top song; I should call the tool.");
        JsonNode call = message.path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("top_song");
        assertThat(Json.mapper().readTree(call.path("function").path("arguments").asText()))
                .isEqualTo(Json.mapper().readTree("{\"sign\":\"WZPZ\"}"));
        assertThat(completion.path("usage")).isEqualTo(Json.mapper().readTree("""
                {"prompt_tokens": 1475, "completion_tokens": 68, "total_tokens": 1543,
                 "prompt_tokens_details": {"cached_tokens": 1000},
                 "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 100}"""));
    }

    @Test
    void should_answer_null_content_for_a_tool_call_alone() throws IOException {
        // given
        byte[] answer = """
                {"output": {"message": {"role": "assistant", "content": [
                  {"toolUse": {"toolUseId": "t1", "name": "f", "input": {}}}]}},
                 "stopReason": "tool_use", "usage": {"inputTokens": 3, "outputTokens": 2, "totalTokens": 5}}"""
                .getBytes(StandardCharsets.UTF_8);

        // when
        JsonNode message = Json.mapper().readTree(FromConverse.chatCompletion(answer, "m")).path("choices").path(0).path("message");

        // then
        assertThat(message.path("content").isNull()).isTrue();
        assertThat(message.path("tool_calls").path(0).path("function").path("arguments").asText()).isEqualTo("{}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"end_turn, stop", "stop_sequence, stop", "max_tokens, length", "tool_use, tool_calls",
            "guardrail_intervened, content_filter", "content_filtered, content_filter"})
    void should_map_each_stop_reason_to_a_finish_reason(String stopReason, String finishReason) throws IOException {
        // given
        byte[] answer = ("{\"output\": {\"message\": {\"role\": \"assistant\", \"content\": [{\"text\": \"x\"}]}},"
                + " \"stopReason\": \"" + stopReason + "\", \"usage\": {\"inputTokens\": 1, \"outputTokens\": 1,"
                + " \"totalTokens\": 2}}").getBytes(StandardCharsets.UTF_8);

        // when
        JsonNode completion = Json.mapper().readTree(FromConverse.chatCompletion(answer, "m"));

        // then
        assertThat(completion.path("choices").path(0).path("finish_reason").asText()).isEqualTo(finishReason);
        assertThat(completion.path("usage").has("prompt_tokens_details")).isFalse();
    }

    @Test
    void should_fail_on_an_answer_without_a_message() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> FromConverse.chatCompletion("{}".getBytes(StandardCharsets.UTF_8), "m"));

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.provider()).isEqualTo("bedrock");
    }
}
