package io.llmgate.core.request;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestDecoderTest {
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @Test
    void should_decode_a_valid_chat_completion_request() {
        // when
        InferenceRequest request = decode(InferenceEndpoint.CHAT_COMPLETIONS, """
                {"model":"gpt-4o","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"}],
                 "temperature":0.5,"max_tokens":10,"tools":[],"stop":["x"],"custom_field":{"passes":"through"}}""");

        // then
        assertThat(request.endpoint()).isEqualTo(InferenceEndpoint.CHAT_COMPLETIONS);
        assertThat(request.model()).isEqualTo("gpt-4o");
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.body().path("custom_field").path("passes").asText()).isEqualTo("through");
        assertThat(request.body().path("messages")).hasSize(2);
    }

    @Test
    void should_decode_a_valid_completions_request_with_a_string_or_array_prompt() {
        // when
        InferenceRequest text = decode(InferenceEndpoint.COMPLETIONS, "{\"model\":\"m\",\"prompt\":\"Say hi\"}");
        InferenceRequest array = decode(InferenceEndpoint.COMPLETIONS, "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"]}");

        // then
        assertThat(text.model()).isEqualTo("m");
        assertThat(array.body().path("prompt")).hasSize(2);
    }

    @Test
    void should_decode_a_valid_embeddings_request() {
        // when
        InferenceRequest request = decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":256,\"encoding_format\":\"float\"}");

        // then
        assertThat(request.endpoint()).isEqualTo(InferenceEndpoint.EMBEDDINGS);
        assertThat(request.model()).isEqualTo("text-embedding-3-small");
        assertThat(request.stream()).isFalse();
    }

    @Test
    void should_read_the_stream_and_include_usage_flags() {
        // when
        InferenceRequest streaming = decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        InferenceRequest withoutUsage = decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"stream\":true,\"stream_options\":{}}");
        InferenceRequest nullStream = decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"stream\":null}");

        // then
        assertThat(streaming.stream()).isTrue();
        assertThat(streaming.includeUsage()).isTrue();
        assertThat(withoutUsage.stream()).isTrue();
        assertThat(withoutUsage.includeUsage()).isFalse();
        assertThat(nullStream.stream()).isFalse();
    }

    @Test
    void should_name_line_and_column_of_malformed_json_without_echoing_the_body() {
        // given: the body breaks right after a secret-looking value
        String body = "{\"model\":\"m\",\n \"api_key\":\"sk-live-LEAKCHECK-4242\" \"messages\":[]}";

        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, body);

        // then
        assertInvalid(error, null);
        assertThat(error.getMessage()).startsWith("Request body is not valid JSON (line 2, column ")
                .doesNotContain("sk-live-LEAKCHECK-4242").doesNotContain("messages").doesNotContain("api_key");
    }

    @Test
    void should_not_echo_an_unquoted_token_of_malformed_json() {
        // given: Jackson's own message would quote this token
        String body = "{\"model\": sk-live-LEAKCHECK-4242}";

        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, body);

        // then
        assertThat(error.getMessage()).startsWith("Request body is not valid JSON (line 1, column ")
                .doesNotContain("sk-live").doesNotContain("LEAKCHECK");
    }

    @Test
    void should_reject_a_truncated_body() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":\"m\",\"messages\":[");

        // then
        assertInvalid(error, null);
        assertThat(error.getMessage()).startsWith("Request body is not valid JSON");
    }

    @Test
    void should_reject_an_empty_body() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "");

        // then
        assertInvalid(error, null);
        assertThat(error.getMessage()).isEqualTo("Request body is empty (expected: a JSON object)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1,2]|an array",
            "\"text\"|a string",
            "42|an integer",
            "true|a boolean"})
    void should_reject_a_body_that_is_not_a_json_object(String body, String described) {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, body);

        // then
        assertInvalid(error, null);
        assertThat(error.getMessage()).isEqualTo("Request body must be a JSON object, got " + described);
    }

    @Test
    void should_reject_a_body_of_only_whitespace() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "   \n ");

        // then
        assertInvalid(error, null);
        assertThat(error.getMessage()).startsWith("Request body must be a JSON object");
    }

    @Test
    void should_reject_a_missing_model() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{" + MESSAGES + "}");

        // then
        assertInvalid(error, "model");
        assertThat(error.getMessage()).startsWith("model: missing");
    }

    @Test
    void should_reject_a_null_model() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":null," + MESSAGES + "}");

        // then
        assertInvalid(error, "model");
        assertThat(error.getMessage()).startsWith("model: missing");
    }

    @Test
    void should_reject_a_blank_model() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":\"  \"," + MESSAGES + "}");

        // then
        assertInvalid(error, "model");
        assertThat(error.getMessage()).startsWith("model: empty");
    }

    @Test
    void should_reject_a_model_that_is_not_a_string() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":4," + MESSAGES + "}");

        // then
        assertInvalid(error, "model");
        assertThat(error.getMessage()).isEqualTo("model: got an integer (expected: a string)");
    }

    @Test
    void should_reject_missing_messages() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":\"m\"}");

        // then
        assertInvalid(error, "messages");
        assertThat(error.getMessage()).isEqualTo("messages: missing (expected: a non-empty array of messages)");
    }

    @Test
    void should_reject_messages_that_are_not_an_array() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\",\"messages\":{\"role\":\"user\"}}");

        // then
        assertInvalid(error, "messages");
        assertThat(error.getMessage()).isEqualTo("messages: got an object (expected: an array)");
    }

    @Test
    void should_reject_empty_messages() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS, "{\"model\":\"m\",\"messages\":[]}");

        // then
        assertInvalid(error, "messages");
        assertThat(error.getMessage()).isEqualTo("messages: empty (expected: at least one message)");
    }

    @Test
    void should_reject_a_message_that_is_not_an_object() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},\"secret text\"]}");

        // then
        assertInvalid(error, "messages[1]");
        assertThat(error.getMessage()).isEqualTo("messages[1]: got a string (expected: an object)");
    }

    @Test
    void should_reject_a_message_without_a_role() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\",\"messages\":[{\"content\":\"a\"}]}");

        // then
        assertInvalid(error, "messages[0].role");
        assertThat(error.getMessage()).isEqualTo("messages[0].role: missing (expected: a string)");
    }

    @Test
    void should_reject_a_role_that_is_not_a_string() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\",\"messages\":[{\"role\":[\"user\"],\"content\":\"a\"}]}");

        // then
        assertInvalid(error, "messages[0].role");
        assertThat(error.getMessage()).isEqualTo("messages[0].role: got an array (expected: a string)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "stream|\"yes\"|a string|a boolean",
            "max_tokens|1.5|a number|an integer",
            "max_tokens|\"10\"|a string|an integer",
            "temperature|\"hot\"|a string|a number",
            "tools|{}|an object|an array",
            "stream_options|true|a boolean|an object",
            "stop|5|an integer|a string or an array",
            "tool_choice|[]|an array|a string or an object",
            "user|{}|an object|a string"})
    void should_reject_an_optional_field_of_the_wrong_type(String field, String json, String got, String expected) {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"" + field + "\":" + json + "}");

        // then
        assertInvalid(error, field);
        assertThat(error.getMessage()).isEqualTo(field + ": got " + got + " (expected: " + expected + ")");
    }

    @Test
    void should_reject_include_usage_that_is_not_a_boolean() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"}}");

        // then
        assertInvalid(error, "stream_options.include_usage");
        assertThat(error.getMessage()).isEqualTo("stream_options.include_usage: got a string (expected: a boolean)");
    }

    @Test
    void should_accept_null_for_optional_fields() {
        // when
        InferenceRequest request = decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"m\"," + MESSAGES + ",\"temperature\":null,\"tools\":null,\"max_tokens\":null}");

        // then
        assertThat(request.model()).isEqualTo("m");
    }

    @Test
    void should_reject_streaming_embeddings() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"m\",\"input\":\"a\",\"stream\":true}");

        // then
        assertInvalid(error, "stream");
        assertThat(error.getMessage()).isEqualTo("stream: true is not supported for /embeddings");
    }

    @Test
    void should_reject_embeddings_without_input() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.EMBEDDINGS, "{\"model\":\"m\"}");

        // then
        assertInvalid(error, "input");
        assertThat(error.getMessage()).isEqualTo("input: missing (expected: a string or an array)");
    }

    @Test
    void should_reject_an_input_of_the_wrong_type() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":{}}");

        // then
        assertInvalid(error, "input");
        assertThat(error.getMessage()).isEqualTo("input: got an object (expected: a string or an array)");
    }

    @Test
    void should_reject_a_completions_request_without_prompt() {
        // when
        GatewayException error = decodeFails(InferenceEndpoint.COMPLETIONS, "{\"model\":\"m\"," + MESSAGES + "}");

        // then
        assertInvalid(error, "prompt");
    }

    private static InferenceRequest decode(InferenceEndpoint endpoint, String body) {
        return RequestDecoder.decode(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    private static GatewayException decodeFails(InferenceEndpoint endpoint, String body) {
        return catchThrowableOfType(GatewayException.class, () -> decode(endpoint, body));
    }

    private static void assertInvalid(GatewayException error, String param) {
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(error.param()).isEqualTo(param);
        assertThat(error.retriable()).isFalse();
        assertThat(error.provider()).isNull();
    }
}
