package io.llmgate.core.provider.gemini;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: public
                litellm_params: { model: gemini/gemini-2.0-flash, api_key: AIzaSy-deployment-key-123 }
            """);

    @ParameterizedTest(name = "{0} {1}: {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            429 | RESOURCE_EXHAUSTED  | You exceeded your current quota, please check your plan and billing details.     | 429 | rate_limit_error        | true
            400 | INVALID_ARGUMENT    | API key not valid. Please pass a valid API key.                                  | 401 | auth_error              | false
            401 | UNAUTHENTICATED     | Request had invalid authentication credentials.                                  | 401 | auth_error              | false
            403 | PERMISSION_DENIED   | Permission denied on resource project llmgate.                                   | 403 | permission_error        | false
            404 | NOT_FOUND           | models/gemini-9 is not found for API version v1beta                              | 404 | not_found_error         | false
            400 | INVALID_ARGUMENT    | Invalid value at 'generation_config.temperature' (TYPE_FLOAT), "hot"             | 400 | invalid_request_error   | false
            400 | FAILED_PRECONDITION | User location is not supported for the API use.                                  | 400 | invalid_request_error   | false
            400 | INVALID_ARGUMENT    | The input token count (1250000) exceeds the maximum number of tokens allowed (1048576). | 400 | context_length_exceeded | false
            400 | INVALID_ARGUMENT    | Unable to submit request because the input token count is 40000 but model only supports up to 32768. | 400 | context_length_exceeded | false
            400 | INVALID_ARGUMENT    | The prompt was blocked due to safety reasons.                                    | 400 | content_policy_violation | false
            500 | INTERNAL            | An internal error has occurred. Please retry or report in the troubleshooting guide. | 500 | api_error               | true
            503 | UNAVAILABLE         | The model is overloaded. Please try again later.                                 | 503 | service_unavailable     | true
            504 | DEADLINE_EXCEEDED   | Deadline expired before operation could complete.                                | 408 | timeout_error           | true
            502 | ''                  | Bad Gateway                                                                      | 502 | api_error               | true
            """)
    void should_classify_each_google_error(int status, String googleStatus, String message, int expectedStatus,
                                           String type, boolean retriable) {
        // given
        String body = """
                {"error": {"code": %d, "message": "%s", "status": "%s"}}""".formatted(status, message.replace("\"", "\\\""),
                googleStatus);

        // when
        GatewayException error = GeminiErrors.toError(status, body.getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.status()).isEqualTo(expectedStatus);
        assertThat(error.type().wireName()).isEqualTo(type);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("gemini");
        assertThat(error.model()).isEqualTo("gemini-2.0-flash");
        assertThat(error).hasMessage("gemini returned " + expectedStatus + ": " + message);
    }

    @Test
    void should_read_an_error_wrapped_in_an_array() {
        // when
        GatewayException error = GeminiErrors.toError(429, """
                [{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).",
                  "status": "RESOURCE_EXHAUSTED"}}]""".getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.type().wireName()).isEqualTo("rate_limit_error");
        assertThat(error).hasMessage("gemini returned 429: Resource has been exhausted (e.g. check quota).");
    }

    @Test
    void should_recognize_a_rejected_key_by_its_error_info_reason() {
        // when
        GatewayException error = GeminiErrors.toError(400, """
                {"error": {"code": 400, "message": "Bad key", "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}}"""
                .getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type().wireName()).isEqualTo("auth_error");
    }

    @Test
    void should_never_echo_the_deployment_key() {
        // when
        GatewayException error = GeminiErrors.toError(400, """
                {"error": {"code": 400, "message": "API key AIzaSy-deployment-key-123 not valid.", "status": "INVALID_ARGUMENT"}}"""
                .getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.getMessage()).doesNotContain("AIzaSy-deployment-key-123").contains("****");
    }

    @Test
    void should_keep_a_non_json_body_as_the_message() {
        // when
        GatewayException error = GeminiErrors.toError(502, "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error).hasMessage("gemini returned 502: <html>Bad Gateway</html>");
    }
}
