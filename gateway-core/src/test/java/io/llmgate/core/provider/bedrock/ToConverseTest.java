package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ToConverseTest {
    private static final BedrockModelId CLAUDE = BedrockModelId.of("anthropic.claude-3-7-sonnet-20250219-v1:0");
    private static final BedrockModelId NOVA = BedrockModelId.of("amazon.nova-pro-v1:0");

    @Test
    void should_translate_a_full_chat_request_into_converse() {
        // given
        ObjectNode openAi = (ObjectNode) BedrockFixtures.json("chat-request.openai.json");

        // when
        ObjectNode converse = ToConverse.body(openAi, CLAUDE);

        // then
        assertThat(converse).isEqualTo(BedrockFixtures.json("chat-request.converse.json"));
    }

    @Test
    void should_not_modify_the_openai_request() {
        // given
        ObjectNode openAi = (ObjectNode) BedrockFixtures.json("chat-request.openai.json");
        ObjectNode before = openAi.deepCopy();

        // when
        ToConverse.body(openAi, CLAUDE);

        // then
        assertThat(openAi).isEqualTo(before);
    }

    @Test
    void should_send_no_tools_when_tool_choice_is_none() {
        // when
        ObjectNode converse = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "tool_choice": "none",
                 "tools": [{"type": "function", "function": {"name": "f"}}]}"""), NOVA);

        // then
        assertThat(converse.has("toolConfig")).isFalse();
    }

    @Test
    void should_force_a_named_tool_and_give_a_tool_without_parameters_an_empty_schema() {
        // when
        ObjectNode converse = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "tool_choice": {"type": "function", "function": {"name": "f"}},
                 "tools": [{"type": "function", "function": {"name": "f"}}]}"""), NOVA);

        // then
        assertThat(converse.path("toolConfig")).isEqualTo(json("""
                {"tools": [{"toolSpec": {"name": "f", "inputSchema": {"json": {"type": "object", "properties": {}}}}}],
                 "toolChoice": {"tool": {"name": "f"}}}"""));
    }

    @Test
    void should_choose_automatically_when_asked_and_by_default() {
        // when
        ObjectNode auto = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "tool_choice": "auto",
                 "tools": [{"type": "function", "function": {"name": "f"}}]}"""), NOVA);
        ObjectNode unset = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function", "function": {"name": "f"}}]}"""), NOVA);

        // then
        assertThat(auto.path("toolConfig").path("toolChoice")).isEqualTo(json("{\"auto\": {}}"));
        assertThat(unset.path("toolConfig").has("toolChoice")).isFalse();
    }

    @Test
    void should_merge_consecutive_tool_results_into_one_user_turn() {
        // when
        ObjectNode converse = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "weather in Paris and Rome?"},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "t1", "type": "function", "function": {"name": "w", "arguments": "{\\"city\\":\\"Paris\\"}"}},
                    {"id": "t2", "type": "function", "function": {"name": "w", "arguments": ""}}]},
                  {"role": "tool", "tool_call_id": "t1", "content": "sunny"},
                  {"role": "tool", "tool_call_id": "t2", "content": [{"type": "text", "text": "rainy"}]}]}"""), NOVA);

        // then
        assertThat(converse.path("messages")).isEqualTo(json("""
                [{"role": "user", "content": [{"text": "weather in Paris and Rome?"}]},
                 {"role": "assistant", "content": [
                   {"toolUse": {"toolUseId": "t1", "name": "w", "input": {"city": "Paris"}}},
                   {"toolUse": {"toolUseId": "t2", "name": "w", "input": {}}}]},
                 {"role": "user", "content": [
                   {"toolResult": {"toolUseId": "t1", "content": [{"text": "sunny"}]}},
                   {"toolResult": {"toolUseId": "t2", "content": [{"text": "rainy"}]}}]}]"""));
    }

    @Test
    void should_add_a_cache_point_after_a_part_marked_for_caching() {
        // when
        ObjectNode converse = ToConverse.body(request("""
                {"messages": [{"role": "system", "content": [{"type": "text", "text": "long rules",
                  "cache_control": {"type": "ephemeral"}}]}, {"role": "user", "content": "hi"}]}"""), CLAUDE);

        // then
        assertThat(converse.path("system")).isEqualTo(json("[{\"text\": \"long rules\"}, {\"cachePoint\": {\"type\": \"default\"}}]"));
    }

    @Test
    void should_turn_reasoning_effort_into_a_thinking_budget_for_claude_only() {
        // when
        ObjectNode claude = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "reasoning_effort": "medium"}"""), CLAUDE);
        ObjectNode other = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "reasoning_effort": "low"}"""),
                BedrockModelId.of("openai.gpt-oss-120b-1:0"));

        // then
        assertThat(claude.path("additionalModelRequestFields"))
                .isEqualTo(json("{\"thinking\": {\"type\": \"enabled\", \"budget_tokens\": 2048}}"));
        assertThat(other.path("additionalModelRequestFields")).isEqualTo(json("{\"reasoning_effort\": \"low\"}"));
    }

    @Test
    void should_pass_converse_fields_and_a_single_stop_string_through() {
        // when
        ObjectNode converse = ToConverse.body(request("""
                {"messages": [{"role": "user", "content": "hi"}], "stop": "STOP", "max_completion_tokens": 9,
                 "guardrailConfig": {"guardrailIdentifier": "gr-1", "guardrailVersion": "1"}}"""), NOVA);

        // then
        assertThat(converse.path("inferenceConfig")).isEqualTo(json("{\"maxTokens\": 9, \"stopSequences\": [\"STOP\"]}"));
        assertThat(converse.path("guardrailConfig").path("guardrailIdentifier").asText()).isEqualTo("gr-1");
    }

    @Test
    void should_reject_an_image_url_it_would_have_to_fetch() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> ToConverse.body(request("""
                {"messages": [{"role": "user", "content": [{"type": "image_url",
                  "image_url": {"url": "https://example.com/cat.png"}}]}]}"""), NOVA));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("messages");
        assertThat(error).hasMessageContaining("messages[0]").hasMessageContaining("data: URLs");
    }

    @Test
    void should_reject_an_unknown_role_and_unparseable_tool_arguments() {
        // when
        GatewayException role = catchThrowableOfType(GatewayException.class, () -> ToConverse.body(request("""
                {"messages": [{"role": "function", "content": "x"}]}"""), NOVA));
        GatewayException arguments = catchThrowableOfType(GatewayException.class, () -> ToConverse.body(request("""
                {"messages": [{"role": "assistant", "tool_calls": [{"id": "t", "function": {"name": "f", "arguments": "{oops"}}]}]}"""),
                NOVA));

        // then
        assertThat(role).hasMessageContaining("role \"function\"");
        assertThat(arguments).hasMessageContaining("not valid JSON");
    }

    private static ObjectNode request(String json) {
        return (ObjectNode) json(json);
    }

    private static JsonNode json(String json) {
        return BedrockFixtures.parse(json);
    }
}
