package io.llmgate.core.provider.bedrock;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BedrockErrorsTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: public
                litellm_params: { model: bedrock/anthropic.claude-3-haiku-20240307-v1:0, aws_region_name: eu-west-1 }
            """);

    @ParameterizedTest(name = "{0} {1}: {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | ValidationException          | Input is too long for requested model.                                   | 400 | context_length_exceeded  | false
            400 | ValidationException          | prompt is too long: 210000 tokens > 200000 maximum                       | 400 | context_length_exceeded  | false
            400 | ValidationException          | The model returned the following errors: too many input tokens           | 400 | context_length_exceeded  | false
            400 | ValidationException          | Output blocked by content filtering policy                               | 400 | content_policy_violation | false
            400 | ValidationException          | This request has been blocked by our content filters.                    | 400 | content_policy_violation | false
            400 | ValidationException          | Malformed input request: #: extraneous key [foo] is not permitted        | 400 | invalid_request_error    | false
            403 | UnrecognizedClientException  | The security token included in the request is invalid.                   | 401 | auth_error               | false
            403 | InvalidSignatureException    | The request signature we calculated does not match the signature you provided. | 401 | auth_error   | false
            403 | ExpiredTokenException        | The security token included in the request is expired                    | 401 | auth_error               | false
            403 | AccessDeniedException        | Authentication failed: Please make sure your API Key is valid.           | 401 | auth_error               | false
            403 | AccessDeniedException        | You don't have access to the model with the specified model ID.          | 403 | permission_error         | false
            404 | ResourceNotFoundException    | Could not resolve the foundation model from the provided model identifier. | 404 | not_found_error        | false
            408 | ModelTimeoutException        | Model has timed out in processing the request.                           | 408 | timeout_error            | true
            424 | ModelErrorException          | The model encountered an error processing the request.                   | 424 | api_error                | false
            429 | ThrottlingException          | Too many requests, please wait before trying again.                      | 429 | rate_limit_error         | true
            429 | ModelNotReadyException       | Model is not ready to serve inference requests.                          | 429 | rate_limit_error         | true
            500 | InternalServerException      | The server encountered an internal error while processing the request.   | 500 | api_error                | true
            503 | ServiceUnavailableException  | Bedrock is unable to process your request.                               | 503 | service_unavailable      | true
            """)
    void should_classify_each_bedrock_exception(int status, String exception, String message, int reported, String type,
                                                boolean retriable) {
        // when
        GatewayException error = BedrockErrors.toError(status, body(message), DEPLOYMENT);

        // then
        assertThat(error.status()).as(exception).isEqualTo(reported);
        assertThat(error.type().wireName()).as(exception).isEqualTo(type);
        assertThat(error.retriable()).as(exception).isEqualTo(retriable);
        assertThat(error.provider()).isEqualTo("bedrock");
        assertThat(error.model()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(error.getMessage()).isEqualTo("bedrock returned " + reported + ": " + message);
    }

    @Test
    void should_read_the_capitalized_message_some_aws_front_ends_send() {
        // when
        GatewayException error = BedrockErrors.toError(403,
                "{\"Message\":\"The security token included in the request is invalid.\"}".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error).hasMessageEndingWith("The security token included in the request is invalid.");
    }

    @Test
    void should_use_a_body_that_is_not_json_as_the_message() {
        // when
        GatewayException error = BedrockErrors.toError(502, "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
                DEPLOYMENT);

        // then
        assertThat(error).hasMessage("bedrock returned 502: <html>Bad Gateway</html>");
    }

    @Test
    void should_give_stream_exceptions_the_status_of_their_type() {
        // when
        GatewayException modelError = BedrockErrors.inStream("modelStreamErrorException", body("boom"), "m");
        GatewayException unknown = BedrockErrors.inStream("somethingNewException", body("?"), "m");
        GatewayException unavailable = BedrockErrors.inStream("serviceUnavailableException", body("later"), "m");

        // then
        assertThat(modelError.status()).isEqualTo(424);
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unavailable.type().wireName()).isEqualTo("service_unavailable");
        assertThat(unavailable.retriable()).isTrue();
    }

    private static byte[] body(String message) {
        return io.llmgate.core.json.Json.bytes(io.llmgate.core.json.Json.mapper().createObjectNode().put("message", message));
    }
}
