package io.llmgate.core.provider.cohere;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CohereErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: m
                litellm_params: { model: cohere/command-r-plus, api_key: co-secret }
            """);

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"message\":\"too many tokens: total number of tokens in the prompt cannot exceed 4081 - received 5000. Try using a shorter prompt, or enabling prompt truncating.\"} | CONTEXT_WINDOW_EXCEEDED | false",
            "400 | {\"id\":\"7c3e\",\"message\":\"blocked input: please adjust your prompt and try again, as it may be a potential violation of our Usage Policy (https://docs.cohere.com/docs/usage-policy)\"} | CONTENT_POLICY | false",
            "400 | {\"message\":\"invalid request: message must be at least 1 token long or tool results must be specified.\"} | INVALID_REQUEST | false",
            "401 | {\"message\":\"invalid api token\"} | AUTHENTICATION | false",
            "402 | {\"message\":\"Please add or update your payment method at https://dashboard.cohere.com/billing\"} | PERMISSION | false",
            "404 | {\"message\":\"model 'command-x' not found, make sure the correct model ID was used and that you have access to the model.\"} | NOT_FOUND | false",
            "429 | {\"message\":\"You are using a Trial key, which is limited to 20 API calls / minute.\"} | RATE_LIMIT | true",
            "498 | {\"message\":\"invalid token\"} | AUTHENTICATION | false",
            "499 | {\"message\":\"request cancelled by user\"} | TIMEOUT | false",
            "500 | {\"message\":\"internal server error, this has been reported to our developers\"} | UPSTREAM | true",
            "503 | {\"message\":\"service unavailable\"} | SERVICE_UNAVAILABLE | true",
            "502 | <html>Bad Gateway</html> | UPSTREAM | true"})
    void should_classify_coheres_answer(int status, String body, ErrorType expected, boolean retriable) {
        // when
        GatewayException error = CohereErrors.toError(status, body.getBytes(StandardCharsets.UTF_8), DEPLOYMENT);

        // then
        assertThat(error.type()).isEqualTo(expected);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("cohere");
        assertThat(error.model()).isEqualTo("command-r-plus");
        assertThat(error.getMessage()).startsWith("cohere returned " + status + ": ").doesNotContain("{\"message\"");
    }
}
