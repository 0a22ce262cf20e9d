package io.llmgate.core.provider.openai;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: public
                litellm_params: { model: groq/llama-3.1-8b, api_key: gsk-deployment-key-123 }
            """);

    @ParameterizedTest(name = "{0} -> {1}, retriable={2}")
    @CsvSource({
            "400, invalid_request_error, false",
            "401, auth_error,            false",
            "403, permission_error,      false",
            "404, not_found_error,       false",
            "408, timeout_error,         true",
            "409, invalid_request_error, true",
            "413, request_too_large,     false",
            "422, invalid_request_error, false",
            "429, rate_limit_error,      true",
            "500, api_error,             true",
            "502, api_error,             true",
            "503, service_unavailable,   true",
            "504, api_error,             true"})
    void should_map_each_upstream_status_to_an_error_type_and_retriability(int status, String type, boolean retriable) {
        // given
        byte[] body = openAiError("upstream says no", "some_type", null);

        // when
        GatewayException error = OpenAiErrors.toError(status, body, DEPLOYMENT);

        // then
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.type().wireName()).isEqualTo(type);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("groq");
        assertThat(error.model()).isEqualTo("llama-3.1-8b");
        assertThat(error).hasMessage("groq returned " + status + ": upstream says no");
    }

    @Test
    void should_classify_an_exceeded_context_window_by_its_code() {
        // when
        GatewayException error = OpenAiErrors.toError(400, openAiError("This model's maximum context length is 8192",
                "invalid_request_error", "context_length_exceeded"), DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTEXT_WINDOW_EXCEEDED);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.retriable()).isFalse();
    }

    @Test
    void should_classify_an_exceeded_context_window_by_its_type() {
        // when
        GatewayException error = OpenAiErrors.toError(400, openAiError("too long", "context_length_exceeded", null),
                DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTEXT_WINDOW_EXCEEDED);
    }

    @Test
    void should_classify_a_content_filter_refusal() {
        // when
        GatewayException filtered = OpenAiErrors.toError(400, openAiError("filtered", "invalid_request_error",
                "content_filter"), DEPLOYMENT);
        GatewayException policy = OpenAiErrors.toError(400, openAiError("policy", "invalid_request_error",
                "content_policy_violation"), DEPLOYMENT);

        // then
        assertThat(filtered.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(policy.type()).isEqualTo(ErrorType.CONTENT_POLICY);
    }

    @Test
    void should_use_a_non_json_body_as_the_message() {
        // when
        GatewayException error = OpenAiErrors.toError(502, "<html>Bad Gateway</html>\n".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error).hasMessage("groq returned 502: <html>Bad Gateway</html>");
        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM);
    }

    @Test
    void should_use_a_string_error_as_the_message() {
        // when
        GatewayException error = OpenAiErrors.toError(401, "{\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error).hasMessage("groq returned 401: Unauthorized");
    }

    @Test
    void should_say_so_when_the_body_is_empty() {
        // when
        GatewayException error = OpenAiErrors.toError(500, new byte[0], DEPLOYMENT);

        // then
        assertThat(error).hasMessage("groq returned 500: (no error message)");
    }

    @Test
    void should_truncate_a_long_message() {
        // given
        String longMessage = "x".repeat(5_000);

        // when
        GatewayException error = OpenAiErrors.toError(400, openAiError(longMessage, "invalid_request_error", null),
                DEPLOYMENT);

        // then
        assertThat(error.getMessage()).hasSize("groq returned 400: ".length() + 1_000 + 1).endsWith("x…");
    }

    @Test
    void should_treat_an_unlisted_client_status_as_an_invalid_request() {
        // when
        GatewayException error = OpenAiErrors.toError(418, openAiError("teapot", "x", null), DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(error.status()).isEqualTo(418);
        assertThat(error.retriable()).isFalse();
    }

    @Test
    void should_not_repeat_the_deployments_api_key_when_the_upstream_quotes_it() {
        // given: some OpenAI-compatible servers (older LiteLLM proxies among them) echo the key they rejected
        byte[] body = openAiError("Invalid API key passed. Received API Key = gsk-deployment-key-123",
                "auth_error", "401");

        // when
        GatewayException error = OpenAiErrors.toError(401, body, DEPLOYMENT);

        // then
        assertThat(error.getMessage()).doesNotContain("gsk-deployment-key-123").contains("Received API Key = ****");
    }

    private static byte[] openAiError(String message, String type, String code) {
        var root = io.llmgate.core.json.Json.mapper().createObjectNode();
        var error = root.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        error.put("code", code);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
