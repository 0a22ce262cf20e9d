package io.llmgate.core.messages;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessagesRequestDecoderTest {

    @Test
    void should_decode_a_messages_request_keeping_the_anthropic_headers_only() {
        // given
        Map<String, String> headers = Map.of("anthropic-version", "2023-06-01", "anthropic-beta", " prompt-caching-2024-07-31 ",
                "x-api-key", "sk-secret");

        // when
        InferenceRequest request = MessagesRequestDecoder.decode(bytes("""
                {"model": "claude", "max_tokens": 10, "stream": true, "messages": [{"role": "user", "content": "hi"}]}"""),
                headers::get);

        // then
        assertThat(request.endpoint()).isEqualTo(InferenceEndpoint.MESSAGES);
        assertThat(request.model()).isEqualTo("claude");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.frontDoorHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "anthropic-version", "2023-06-01", "anthropic-beta", "prompt-caching-2024-07-31"));
    }

    @Test
    void should_accept_unknown_fields_and_typed_anthropic_fields() {
        // when
        InferenceRequest request = MessagesRequestDecoder.decode(bytes("""
                {"model": "claude", "max_tokens": 10, "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}],
                 "system": [{"type": "text", "text": "s"}], "temperature": 1, "top_p": 0.5, "top_k": 3, "stop_sequences": ["x"],
                 "tools": [{"name": "t", "input_schema": {"type": "object"}}], "tool_choice": {"type": "any"},
                 "metadata": {"user_id": "u"}, "thinking": {"type": "enabled", "budget_tokens": 2000},
                 "context_management": {}, "service_tier": "auto"}"""), name -> null);

        // then
        assertThat(request.body().has("context_management")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            max_tokens         | {"model": "m", "messages": [{"role": "user", "content": "hi"}]}                                  | max_tokens: missing (expected: an integer > 0)
            max_tokens         | {"model": "m", "max_tokens": "ten", "messages": [{"role": "user", "content": "hi"}]}             | max_tokens: got a string (expected: an integer)
            max_tokens         | {"model": "m", "max_tokens": -5, "messages": [{"role": "user", "content": "hi"}]}                | max_tokens: -5 (expected: > 0)
            messages           | {"model": "m", "max_tokens": 5}                                                                  | messages: missing (expected: a non-empty array of messages)
            messages           | {"model": "m", "max_tokens": 5, "messages": []}                                                  | messages: empty (expected: at least one message)
            messages           | {"model": "m", "max_tokens": 5, "messages": "hi"}                                                | messages: got a string (expected: an array)
            model              | {"max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}                               | model: missing (expected: a string naming a model; see GET /v1/models)
            messages[0].role   | {"model": "m", "max_tokens": 5, "messages": [{"role": "system", "content": "hi"}]}               | messages[0].role: "system" (expected: "user" or "assistant"; a system prompt goes in the top-level system field)
            messages[0].content | {"model": "m", "max_tokens": 5, "messages": [{"role": "user"}]}                                 | messages[0].content: missing (expected: a string or an array of content blocks)
            messages[0].content | {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": 5}]}                  | messages[0].content: got an integer (expected: a string or an array)
            system             | {"model": "m", "max_tokens": 5, "system": 1, "messages": [{"role": "user", "content": "hi"}]}   | system: got an integer (expected: a string or an array)
            stream             | {"model": "m", "max_tokens": 5, "stream": "yes", "messages": [{"role": "user", "content": "hi"}]} | stream: got a string (expected: a boolean)
            tool_choice        | {"model": "m", "max_tokens": 5, "tool_choice": "auto", "messages": [{"role": "user", "content": "hi"}]} | tool_choice: got a string (expected: an object)
            tool_choice.type   | {"model": "m", "max_tokens": 5, "tool_choice": {"type": "required"}, "messages": [{"role": "user", "content": "hi"}]} | tool_choice.type: "required" (expected: auto, any, tool or none)
            tool_choice.name   | {"model": "m", "max_tokens": 5, "tool_choice": {"type": "tool"}, "messages": [{"role": "user", "content": "hi"}]} | tool_choice.name: missing (expected: the name of a tool)
            tools[0].name      | {"model": "m", "max_tokens": 5, "tools": [{"input_schema": {}}], "messages": [{"role": "user", "content": "hi"}]} | tools[0].name: missing (expected: a string)
            stop_sequences     | {"model": "m", "max_tokens": 5, "stop_sequences": "END", "messages": [{"role": "user", "content": "hi"}]} | stop_sequences: got a string (expected: an array)
            """)
    void should_refuse_a_bad_request_with_a_400_naming_the_field(String field, String body, String message) {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> MessagesRequestDecoder.decode(bytes(body), name -> null));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo(field);
        assertThat(error).hasMessage(message);
    }

    @Test
    void should_refuse_malformed_json_naming_the_position() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> MessagesRequestDecoder.decode(bytes("{\"model\": \"m\", \"messages\": ["), name -> null));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).startsWith("Request body is not valid JSON (line 1");
    }

    @Test
    void should_decode_a_count_tokens_request_without_max_tokens() {
        // when
        InferenceRequest request = MessagesRequestDecoder.decodeCountTokens(bytes("""
                {"model": "claude", "messages": [{"role": "user", "content": "hi"}], "stream": true}"""), name -> null);

        // then
        assertThat(request.model()).isEqualTo("claude");
        assertThat(request.stream()).isFalse();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
