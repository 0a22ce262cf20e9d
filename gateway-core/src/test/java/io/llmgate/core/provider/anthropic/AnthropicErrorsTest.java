package io.llmgate.core.provider.anthropic;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: claude
                litellm_params: { model: anthropic/claude-sonnet-4-5, api_key: sk-ant-secret-key-42 }
            """);

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "400 | invalid_request_error | max_tokens: Field required                          | invalid_request_error   | false",
            "400 | invalid_request_error | prompt is too long: 208310 tokens > 200000 maximum  | context_length_exceeded | false",
            "400 | invalid_request_error | input length and `max_tokens` exceed context limit: 187254 + 20000 > 200000 | context_length_exceeded | false",
            "400 | invalid_request_error | Output blocked by content filtering policy          | content_policy_violation | false",
            "401 | authentication_error  | invalid x-api-key                                   | auth_error              | false",
            "403 | permission_error      | Your API key does not have permission to use the specified resource. | permission_error | false",
            "404 | not_found_error       | model: claude-nope                                  | not_found_error         | false",
            "413 | request_too_large     | Request exceeds the maximum allowed number of bytes. | request_too_large      | false",
            "429 | rate_limit_error      | Number of request tokens has exceeded your per-minute rate limit | rate_limit_error | true",
            "500 | api_error             | Internal server error                               | api_error               | true",
            "529 | overloaded_error      | Overloaded                                          | service_unavailable     | true",
            "503 | some_new_error        | Service Unavailable                                 | service_unavailable     | true",
            "504 | timeout_error         | Request timed out                                   | api_error               | true"})
    void should_classify_each_documented_error(int status, String anthropicType, String message, String type,
                                               boolean retriable) {
        // when
        GatewayException error = AnthropicErrors.toError(status, anthropicError(anthropicType, message), DEPLOYMENT);

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.type().wireName()).isEqualTo(type);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("anthropic");
        assertThat(error.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(error).hasMessage("anthropic returned " + status + ": " + message);
    }

    @Test
    void should_use_a_body_that_is_not_json_as_the_message() {
        // given: request_too_large comes from Cloudflare before the API
        byte[] body = "<html><center><h1>413 Request Entity Too Large</h1></center></html>".getBytes(StandardCharsets.UTF_8);

        // when
        GatewayException error = AnthropicErrors.toError(413, body, DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(ErrorType.REQUEST_TOO_LARGE);
        assertThat(error).hasMessageContaining("413 Request Entity Too Large");
    }

    @Test
    void should_not_repeat_the_deployments_key() {
        // when
        GatewayException error = AnthropicErrors.toError(401, anthropicError("authentication_error",
                "invalid x-api-key sk-ant-secret-key-42"), DEPLOYMENT);

        // then
        assertThat(error.getMessage()).doesNotContain("sk-ant-secret-key-42");
    }

    @Test
    void should_give_an_error_event_of_a_stream_the_status_of_its_type() {
        // when
        GatewayException error = AnthropicErrors.inStream(Fixtures.parse("""
                {"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}}"""), "anthropic", "claude");

        // then
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(error.retriable()).isTrue();
    }

    private static byte[] anthropicError(String type, String message) {
        var root = io.llmgate.core.json.Json.mapper().createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        root.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy");
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
