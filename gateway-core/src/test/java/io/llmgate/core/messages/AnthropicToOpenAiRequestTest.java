package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.llmgate.core.messages.MessagesFixtures.assertJsonEquals;
import static io.llmgate.core.messages.MessagesFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicToOpenAiRequestTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basic", "tools", "media"})
    void should_translate_the_anthropic_request_to_the_openai_chat_request(String fixture) {
        // given
        InferenceRequest request = messages(MessagesFixtures.text("request/" + fixture + ".anthropic.json"));

        // when
        InferenceRequest openAi = AnthropicToOpenAiRequest.translate(request).request();

        // then
        assertJsonEquals(openAi.body(), MessagesFixtures.json("request/" + fixture + ".openai.json"));
        assertThat(openAi.endpoint()).isEqualTo(InferenceEndpoint.CHAT_COMPLETIONS);
        assertThat(openAi.model()).isEqualTo(request.model());
        assertThat(openAi.stream()).isEqualTo(request.stream());
        assertThat(openAi.includeUsage()).isEqualTo(request.stream());
    }

    @Test
    void should_leave_the_callers_body_unchanged() {
        // given
        InferenceRequest request = messages(MessagesFixtures.text("request/tools.anthropic.json"));
        JsonNode before = request.body().deepCopy();

        // when
        AnthropicToOpenAiRequest.translate(request);

        // then
        assertThat(request.body()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "any"}                   | "required"
            {"type": "none"}                  | "none"
            {"type": "auto"}                  | "auto"
            {"type": "tool", "name": "get_x"} | {"type": "function", "function": {"name": "get_x"}}
            """)
    void should_translate_tool_choice(String anthropic, String openAi) {
        // given
        InferenceRequest request = messages("""
                {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}],
                 "tools": [{"name": "get_x", "input_schema": {"type": "object"}}], "tool_choice": %s}""".formatted(anthropic));

        // when
        JsonNode body = AnthropicToOpenAiRequest.translate(request).request().body();

        // then
        assertThat(body.get("tool_choice")).isEqualTo(MessagesFixtures.parse(openAi.getBytes()));
        assertThat(body.has("parallel_tool_calls")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "enabled", "budget_tokens": 1024}  | low
            {"type": "enabled", "budget_tokens": 2048}  | medium
            {"type": "enabled", "budget_tokens": 10000} | high
            {"type": "adaptive"}                        | medium
            """)
    void should_translate_a_thinking_budget_to_a_reasoning_effort(String thinking, String effort) {
        // given
        InferenceRequest request = messages("""
                {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "thinking": %s}"""
                .formatted(thinking));

        // when
        JsonNode body = AnthropicToOpenAiRequest.translate(request).request().body();

        // then
        assertThat(body.path("reasoning_effort").asText()).isEqualTo(effort);
    }

    @Test
    void should_send_no_reasoning_effort_when_thinking_is_disabled() {
        // given
        InferenceRequest request = messages("""
                {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "thinking": {"type": "disabled"}}""");

        // when / then
        assertThat(AnthropicToOpenAiRequest.translate(request).request().body().has("reasoning_effort")).isFalse();
    }

    @Test
    void should_shorten_a_tool_name_longer_than_openai_allows_and_remember_the_original() {
        // given
        String longName = "mcp__some_long_server_name__" + "x".repeat(60);
        InferenceRequest request = messages("""
                {"model": "m", "max_tokens": 5, "tools": [{"name": "%1$s", "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "tool", "name": "%1$s"},
                 "messages": [{"role": "user", "content": "hi"},
                              {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "%1$s", "input": {}}]},
                              {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "ok"}]}]}"""
                .formatted(longName));

        // when
        AnthropicToOpenAiRequest.Translation translation = AnthropicToOpenAiRequest.translate(request);

        // then
        JsonNode body = translation.request().body();
        String sent = body.at("/tools/0/function/name").asText();
        assertThat(sent).hasSize(ToolNames.MAX_LENGTH).startsWith("mcp__some_long_server_name__").matches(".*_[0-9a-f]{8}");
        assertThat(body.at("/tool_choice/function/name").asText()).isEqualTo(sent);
        assertThat(body.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo(sent);
        assertThat(translation.toolNames().fromOpenAi(sent)).isEqualTo(longName);
        assertThat(translation.toolNames().fromOpenAi("other")).isEqualTo("other");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tools[0].type                 | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "web_search_20250305", "name": "web_search"}]}
            messages[0].content[0].type   | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "container_upload", "file_id": "f"}]}]}
            messages[0].content[0].tool_use_id | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "tool_result", "content": "x"}]}]}
            messages[0].content[0].source.type | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "file", "file_id": "f"}}]}]}
            messages[1].content[0]        | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": [{"type": "tool_use", "input": {}}]}]}
            system[0].type                | {"model": "m", "max_tokens": 5, "system": [{"type": "image"}], "messages": [{"role": "user", "content": "hi"}]}
            """)
    void should_refuse_what_an_openai_format_provider_cannot_take_naming_the_field(String field, String body) {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> AnthropicToOpenAiRequest.translate(messages(body)));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith(field);
    }
}
