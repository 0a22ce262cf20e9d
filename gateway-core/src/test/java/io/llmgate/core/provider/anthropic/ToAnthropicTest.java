package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ToAnthropicTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basic", "multimodal", "tool-loop", "tool-names", "empty-text"})
    void should_translate_an_openai_request_into_the_documented_anthropic_request(String fixture) {
        // given
        ObjectNode openAi = Fixtures.object("request-" + fixture + ".openai.json");
        JsonNode before = openAi.deepCopy();

        // when
        ToAnthropic.Translation translation = ToAnthropic.translate(openAi, "claude-sonnet-4-5", false);

        // then
        assertThat(translation.body()).isEqualTo(Fixtures.json("request-" + fixture + ".anthropic.json"));
        assertThat(openAi).as("the caller's request is not modified").isEqualTo(before);
        assertThat(fieldNames(translation.body())).as("no internal keys on the wire").noneMatch(n -> n.startsWith("_"));
    }

    @Test
    void should_read_rewritten_tool_names_back_from_the_translation() {
        // when
        ToolNames names = ToAnthropic.translate(Fixtures.object("request-tool-names.openai.json"), "m", false).toolNames();

        // then
        assertThat(names.toCaller("foo_bar_2")).isEqualTo("foo/bar");
        assertThat(names.toCaller("foo_bar")).isEqualTo("foo_bar");
        assertThat(names.toCaller("actions_download-logs")).isEqualTo("actions.download-logs");
        assertThat(names.toCaller("web_search")).isEqualTo("web_search");
    }

    @Test
    void should_rename_tools_the_same_way_whatever_their_order() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "tools": [
                  {"type": "function", "function": {"name": "foo_bar"}},
                  {"type": "function", "function": {"name": "foo/bar"}}]}""");

        // when
        JsonNode tools = ToAnthropic.translate(request, "m", false).body().path("tools");

        // then
        assertThat(tools.path(0).path("name").asText()).isEqualTo("foo_bar");
        assertThat(tools.path(1).path("name").asText()).isEqualTo("foo_bar_2");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"auto\"                                              | {\"type\":\"auto\"}",
            "\"required\"                                          | {\"type\":\"any\"}",
            "\"none\"                                              | {\"type\":\"none\"}",
            "{\"type\":\"function\",\"function\":{\"name\":\"a.b\"}} | {\"type\":\"tool\",\"name\":\"a_b\"}",
            "{\"type\":\"tool\",\"name\":\"a.b\"}                   | {\"type\":\"tool\",\"name\":\"a_b\"}"})
    void should_map_tool_choice(String openAi, String anthropic) {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}],
                 "tools": [{"type": "function", "function": {"name": "a.b"}}], "tool_choice": %s}""".formatted(openAi));

        // when
        JsonNode choice = ToAnthropic.translate(request, "m", false).body().path("tool_choice");

        // then
        assertThat(choice).isEqualTo(Fixtures.parse(anthropic));
    }

    @Test
    void should_ask_for_sequential_tool_calls_when_parallel_tool_calls_is_false() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "parallel_tool_calls": false,
                 "tools": [{"type": "function", "function": {"name": "a"}}]}""");

        // when
        JsonNode choice = ToAnthropic.translate(request, "m", false).body().path("tool_choice");

        // then
        assertThat(choice).isEqualTo(Fixtures.parse("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
    }

    @Test
    void should_leave_out_tool_choice_without_tools() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "tool_choice": "none", "tools": []}""");

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", false).body();

        // then
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void should_pass_hosted_tools_unchanged_even_with_names_anthropic_would_not_accept_from_a_caller() {
        // given: computer and bash tools are Anthropic's, defined by their type
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "tools": [
                  {"type": "computer_20250124", "name": "computer", "display_width_px": 1024, "display_height_px": 768},
                  {"type": "bash_20250124", "name": "bash"},
                  {"type": "text_editor_20250728", "name": "str_replace_based_edit_tool"},
                  {"type": "function", "function": {"name": "str.replace.based.edit.tool"}}]}""");

        // when
        JsonNode tools = ToAnthropic.translate(request, "m", false).body().path("tools");

        // then
        assertThat(tools.path(0)).isEqualTo(request.path("tools").path(0));
        assertThat(tools.path(1)).isEqualTo(request.path("tools").path(1));
        assertThat(tools.path(2)).isEqualTo(request.path("tools").path(2));
        assertThat(tools.path(3).path("name").asText()).as("a caller's tool never takes a hosted tool's name")
                .isEqualTo("str_replace_based_edit_tool_2");
    }

    @Test
    void should_default_max_tokens_and_stop_sequences_from_a_list() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "stop": ["END", " ", "\\n\\nHuman:"]}""");

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", false).body();

        // then
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.path("stop_sequences")).isEqualTo(Fixtures.parse("{\"s\":[\"END\",\"\\n\\nHuman:\"]}").path("s"));
    }

    @Test
    void should_prefer_max_completion_tokens_over_max_tokens() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 10, "max_completion_tokens": 20}""");

        // when / then
        assertThat(ToAnthropic.translate(request, "m", false).body().path("max_tokens").asInt()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} -> budget {1}")
    @CsvSource({"low, 1024", "medium, 2048", "high, 4096"})
    void should_turn_reasoning_effort_into_a_thinking_budget(String effort, int budget) {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "reasoning_effort": "%s"}""".formatted(effort));

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", false).body();

        // then
        assertThat(body.path("thinking")).isEqualTo(Fixtures.parse(
                "{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}"));
        assertThat(body.path("max_tokens").asInt()).as("above the budget").isEqualTo(4096 + budget);
        assertThat(body.has("reasoning_effort")).isFalse();
    }

    @Test
    void should_pass_an_explicit_thinking_object() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 16000, "reasoning_effort": "low",
                 "thinking": {"type": "enabled", "budget_tokens": 10000}}""");

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", false).body();

        // then
        assertThat(body.path("thinking").path("budget_tokens").asInt()).isEqualTo(10000);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16000);
    }

    @Test
    void should_send_thinking_blocks_of_an_earlier_turn_first() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"},
                  {"role": "assistant", "content": "", "thinking_blocks": [{"type": "thinking", "thinking": "hmm", "signature": "sig"}],
                   "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "t1", "content": "ok"}],
                 "tools": [{"type": "function", "function": {"name": "f"}}]}""");

        // when
        JsonNode assistant = ToAnthropic.translate(request, "m", false).body().path("messages").path(1);

        // then
        assertThat(assistant.path("content")).isEqualTo(Fixtures.parse("""
                {"c": [{"type": "thinking", "thinking": "hmm", "signature": "sig"},
                       {"type": "tool_use", "id": "t1", "name": "f", "input": {}}]}""").path("c"));
    }

    @Test
    void should_reject_an_openai_parameter_anthropic_cannot_honour() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "frequency_penalty": 0.5}""");

        // when
        GatewayException error = catchThrowableOfType(() -> ToAnthropic.translate(request, "m", false),
                GatewayException.class);

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("frequency_penalty");
        assertThat(error).hasMessageContaining("anthropic does not support the parameter 'frequency_penalty'")
                .hasMessageContaining("drop_params");
    }

    @Test
    void should_drop_unsupported_parameters_when_the_deployment_says_so() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "frequency_penalty": 0.5, "seed": 3, "n": 1,
                 "response_format": {"type": "text"}}""");

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", true).body();

        // then
        assertThat(body.has("frequency_penalty")).isFalse();
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void should_accept_openai_parameters_that_ask_for_nothing() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}], "n": 1, "logprobs": false, "seed": null,
                 "response_format": {"type": "text"}}""");

        // when
        ObjectNode body = ToAnthropic.translate(request, "m", false).body();

        // then
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void should_reject_an_unknown_role_naming_the_message() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "user", "content": "hi"}, {"role": "narrator", "content": "x"}]}""");

        // when
        GatewayException error = catchThrowableOfType(() -> ToAnthropic.translate(request, "m", false),
                GatewayException.class);

        // then
        assertThat(error).hasMessageContaining("messages[1].role: 'narrator'");
    }

    @Test
    void should_reject_tool_call_arguments_that_are_not_a_json_object() {
        // given
        ObjectNode request = Fixtures.parse("""
                {"messages": [{"role": "assistant", "content": null, "tool_calls": [
                  {"id": "t", "type": "function", "function": {"name": "f", "arguments": "{\\"truncated"}}]}]}""");

        // when
        GatewayException error = catchThrowableOfType(() -> ToAnthropic.translate(request, "m", false),
                GatewayException.class);

        // then
        assertThat(error).hasMessageContaining("messages[0].tool_calls[0].function.arguments");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        node.properties().forEach(field -> {
            names.add(field.getKey());
            collect(field.getValue(), names);
        });
        if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
