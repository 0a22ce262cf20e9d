package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ToGeminiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chat", "tools", "multimodal", "response-format"})
    void should_translate_an_openai_request_into_the_documented_gemini_request(String fixture) {
        // given
        ObjectNode openAi = Fixtures.json("provider/gemini/" + fixture + ".openai.json");
        ObjectNode untouched = openAi.deepCopy();

        // when
        ObjectNode gemini = ToGemini.generateContentRequest(openAi);

        // then
        assertThat(gemini).isEqualTo(Fixtures.json("provider/gemini/" + fixture + ".gemini.json"));
        assertThat(openAi).as("the gateway's copy of the request is not modified").isEqualTo(untouched);
    }

    @Test
    void should_map_each_tool_choice_to_a_function_calling_mode() {
        assertThat(callingMode("\"auto\"")).isEqualTo("AUTO");
        assertThat(callingMode("\"none\"")).isEqualTo("NONE");
        assertThat(callingMode("\"required\"")).isEqualTo("ANY");
    }

    @Test
    void should_reject_a_tool_result_whose_call_is_not_in_the_history() {
        // given
        ObjectNode openAi = parse("""
                {"messages": [{"role": "user", "content": "hi"},
                  {"role": "tool", "tool_call_id": "call_unknown", "content": "42"}]}""");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> ToGemini.generateContentRequest(openAi));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("messages[1].tool_call_id");
        assertThat(error).hasMessageContaining("call_unknown");
    }

    @Test
    void should_reject_tool_call_arguments_that_are_not_a_json_object() {
        // given
        ObjectNode openAi = parse("""
                {"messages": [{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
                  "function": {"name": "f", "arguments": "[1, 2]"}}]}]}""");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> ToGemini.generateContentRequest(openAi));

        // then
        assertThat(error.param()).isEqualTo("messages[0].tool_calls[0].function.arguments");
    }

    @Test
    void should_reject_a_content_part_type_gemini_cannot_take() {
        // given
        ObjectNode openAi = parse("""
                {"messages": [{"role": "user", "content": [{"type": "refusal", "refusal": "no"}]}]}""");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> ToGemini.generateContentRequest(openAi));

        // then
        assertThat(error.param()).isEqualTo("messages[0].content[0].type");
    }

    @Test
    void should_pass_gemini_built_in_tools_through() {
        // given
        ObjectNode openAi = parse("""
                {"messages": [{"role": "user", "content": "news?"}], "tools": [{"googleSearch": {}}]}""");

        // when
        JsonNode tools = ToGemini.generateContentRequest(openAi).path("tools");

        // then
        assertThat(tools).isEqualTo(parse("{\"t\": [{\"googleSearch\": {}}]}").get("t"));
    }

    @Test
    void should_restore_the_thought_signature_a_tool_call_id_carries() {
        // given
        String id = ToolCallIds.newId("c2lnbmF0dXJl");

        // then
        assertThat(id).startsWith("call_");
        assertThat(ToolCallIds.signature(id)).contains("c2lnbmF0dXJl");
        assertThat(ToolCallIds.signature(ToolCallIds.newId(null))).isEmpty();
        assertThat(ToolCallIds.newId(null)).isNotEqualTo(ToolCallIds.newId(null));
    }

    private static String callingMode(String toolChoice) {
        ObjectNode openAi = parse("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"tool_choice\": " + toolChoice + "}");
        return ToGemini.generateContentRequest(openAi).path("toolConfig").path("functionCallingConfig").path("mode").asText();
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
