package io.llmgate.core.provider.azure;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AzureErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: m
                litellm_params: { model: azure/gpt4o-prod, api_base: "https://res.openai.azure.com", api_key: azure-secret-key }
            """);

    /** Bodies as Azure OpenAI documents and sends them. */
    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(400, """
                        {"error": {"message": "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                         "type": null, "param": "prompt", "code": "content_filter", "status": 400,
                         "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": {
                           "hate": {"filtered": false, "severity": "safe"}, "jailbreak": {"filtered": true, "detected": true},
                           "self_harm": {"filtered": false, "severity": "safe"}, "sexual": {"filtered": false, "severity": "safe"},
                           "violence": {"filtered": false, "severity": "safe"}}}}}""", ErrorType.CONTENT_POLICY, false),
                Arguments.of(400, """
                        {"error": {"message": "Invalid prompt: your prompt was flagged as potentially violating our usage policy.",
                         "code": "invalid_prompt", "innererror": {"code": "ResponsibleAIPolicyViolation"}}}""",
                        ErrorType.CONTENT_POLICY, false),
                Arguments.of(400, """
                        {"error": {"message": "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
                         "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}""",
                        ErrorType.CONTEXT_WINDOW_EXCEEDED, false),
                Arguments.of(429, """
                        {"error": {"code": "429", "message": "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 7 seconds."}}""",
                        ErrorType.RATE_LIMIT, true),
                Arguments.of(401, """
                        {"error": {"code": "401", "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}""",
                        ErrorType.AUTHENTICATION, false),
                Arguments.of(404, """
                        {"error": {"code": "DeploymentNotFound", "message": "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}""",
                        ErrorType.NOT_FOUND, false),
                Arguments.of(400, """
                        {"error": {"message": "Unrecognized request argument supplied: foo", "type": "invalid_request_error", "param": null, "code": null}}""",
                        ErrorType.INVALID_REQUEST, false),
                Arguments.of(500, """
                        {"error": {"code": "InternalServerError", "message": "The service is temporarily unable to process your request."}}""",
                        ErrorType.UPSTREAM, true),
                Arguments.of(503, "<html><body>Service Unavailable</body></html>", ErrorType.SERVICE_UNAVAILABLE, true));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("answers")
    void should_classify_azures_answer(int status, String body, ErrorType expected, boolean retriable) {
        // when
        GatewayException error = AzureErrors.toError(status, body.getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(expected);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("azure");
        assertThat(error.model()).isEqualTo("gpt4o-prod");
        assertThat(error.getMessage()).startsWith("azure returned " + status + ": ");
    }

    @Test
    void should_never_repeat_the_deployments_key() {
        // when
        GatewayException error = AzureErrors.toError(401,
                "{\"error\":{\"code\":\"401\",\"message\":\"key azure-secret-key is invalid\"}}".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error.getMessage()).doesNotContain("azure-secret-key").contains("****");
    }
}
