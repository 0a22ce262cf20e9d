package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FromGeminiTest {

    @Test
    void should_join_text_parts_into_an_openai_chat_completion() throws Exception {
        // when
        JsonNode completion = translate("response-text");

        // then
        assertThat(completion.path("id").asText()).isEqualTo("chatcmpl-uH6iaJHvJ8mUz7IP9oqxkAs");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("created").asLong()).isPositive();
        assertThat(completion.path("model").asText()).isEqualTo("gemini-2.0-flash");
        assertThat(completion.path("choices")).isEqualTo(Json.mapper().readTree("""
                [{"index": 0, "message": {"role": "assistant",
                  "content": "Meow! I like to nap in the sun and chase the red dot."}, "finish_reason": "stop"}]"""));
        assertThat(completion.path("usage")).isEqualTo(Json.mapper().readTree("""
                {"prompt_tokens": 14, "completion_tokens": 13, "total_tokens": 27}"""));
    }

    @Test
    void should_turn_function_calls_into_tool_calls() throws Exception {
        // when
        JsonNode choice = translate("response-function-call").path("choices").path(0);

        // then
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode calls = choice.path("message").path("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.path(0).path("id").asText()).startsWith("call_");
        assertThat(calls.path(0).path("id").asText()).isNotEqualTo(calls.path(1).path("id").asText());
        assertThat(calls.path(0).path("type").asText()).isEqualTo("function");
        assertThat(calls.path(0).path("function").path("name").asText()).isEqualTo("find_theaters");
        assertThat(Json.mapper().readTree(calls.path(0).path("function").path("arguments").asText()))
                .isEqualTo(Json.mapper().readTree("{\"location\": \"Mountain View, CA\", \"movie\": \"Barbie\"}"));
        assertThat(calls.path(1).path("function").path("name").asText()).isEqualTo("get_showtimes");
    }

    @Test
    void should_report_thoughts_as_reasoning_and_count_them_as_completion_tokens() throws Exception {
        // when
        JsonNode completion = translate("response-thinking");

        // then
        JsonNode message = completion.path("choices").path(0).path("message");
        assertThat(message.path("reasoning_content").asText()).startsWith("**Checking the weather**");
        assertThat(ToolCallIds.signature(message.path("tool_calls").path(0).path("id").asText()))
                .as("the signature travels with the call id").contains("CiQBVKhc7u8Pq2ZqKQ==");
        assertThat(completion.path("usage")).isEqualTo(Json.mapper().readTree("""
                {"prompt_tokens": 58, "completion_tokens": 103, "total_tokens": 161,
                 "prompt_tokens_details": {"cached_tokens": 32},
                 "completion_tokens_details": {"reasoning_tokens": 88}}"""));
    }

    @Test
    void should_give_one_choice_per_candidate_with_its_finish_reason() {
        // when
        JsonNode choices = translate("response-max-tokens").path("choices");

        // then
        assertThat(choices).hasSize(2);
        assertThat(choices.path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(choices.path(1).path("index").asInt()).isEqualTo(1);
        assertThat(choices.path(1).path("finish_reason").asText()).isEqualTo("content_filter");
    }

    @Test
    void should_fail_with_a_content_policy_error_when_the_prompt_was_blocked() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> translate("response-blocked-prompt"));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.provider()).isEqualTo("gemini");
        assertThat(error.model()).isEqualTo("gemini-2.0-flash");
        assertThat(error.retriable()).isFalse();
        assertThat(error).hasMessage("gemini blocked the prompt (blockReason: SAFETY)");
    }

    @Test
    void should_fail_with_a_content_policy_error_when_the_only_candidate_was_withheld() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> translate("response-blocked-candidate"));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(error).hasMessage("gemini blocked the response (finishReason: PROHIBITED_CONTENT)");
    }

    @Test
    void should_fail_as_an_upstream_error_on_a_body_that_is_not_json() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> FromGemini.chatCompletion("<html>".getBytes(), "gemini", "public"));

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.retriable()).isTrue();
    }

    private static JsonNode translate(String fixture) {
        try {
            return Json.mapper().readTree(FromGemini.chatCompletion(
                    Fixtures.bytes("provider/gemini/" + fixture + ".gemini.json"), "gemini", "public-model"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
