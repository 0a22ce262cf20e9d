package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bedrock's status-to-error table. Bedrock answers {@code {"message": "..."}} and names the exception in the
 * {@code x-amzn-ErrorType} header, which does not reach the adapter, so the status and the message (stable AWS
 * wording) decide: an input too long for the model is an exceeded context window, a content filter or guardrail
 * refusal a content-policy error, and a 403 about the credential itself (UnrecognizedClient, InvalidSignature,
 * ExpiredToken, a bad Bedrock API key) an authentication error reported as 401, as LiteLLM does; a 403 about
 * permissions (AccessDenied) stays a 403. Exceptions inside a ConverseStream are classified the same way.
 */
public final class BedrockErrors {
    private static final int MAX_MESSAGE = 1_000;
    private static final List<String> CONTEXT_WINDOW = List.of("input is too long", "too many input tokens",
            "prompt is too long", "too many total text bytes", "maximum context length", "context window",
            "input token count exceeds");
    private static final List<String> CONTENT_POLICY = List.of("content filter", "content policy", "guardrail",
            "blocked by", "responsible ai");
    private static final List<String> BAD_CREDENTIAL = List.of("security token", "signature", "expired",
            "authentication", "api key", "credential", "access key");
    /** HTTP statuses of the exceptions a ConverseStream may carry, from the API reference. */
    private static final Map<String, Integer> STREAM_EXCEPTION_STATUS = Map.of("throttlingexception", 429,
            "validationexception", 400, "modelstreamerrorexception", 424, "internalserverexception", 500,
            "serviceunavailableexception", 503, "modeltimeoutexception", 408, "accessdeniedexception", 403,
            "resourcenotfoundexception", 404);

    private BedrockErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        String message = message(body);
        ErrorType type = classify(status, message);
        return ProviderErrors.upstream(type, reportedStatus(type, status), message, deployment);
    }

    /** An {@code exception} message inside a ConverseStream ({@code :exception-type} and its payload). */
    static GatewayException inStream(String exceptionType, byte[] payload, String model) {
        int status = STREAM_EXCEPTION_STATUS.getOrDefault(exceptionType.toLowerCase(Locale.ROOT), 500);
        String message = message(payload);
        ErrorType type = classify(status, message);
        String text = BedrockAdapter.PROVIDER + " stream failed with " + exceptionType + ": " + message;
        return GatewayException.upstream(type, reportedStatus(type, status),
                text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…",
                ProviderErrors.retriable(status), BedrockAdapter.PROVIDER, model, null);
    }

    static ErrorType classify(int status, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (status == 400 && CONTEXT_WINDOW.stream().anyMatch(text::contains)) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if (status == 400 && CONTENT_POLICY.stream().anyMatch(text::contains)) {
            return ErrorType.CONTENT_POLICY;
        }
        if (status == 403) {
            return BAD_CREDENTIAL.stream().anyMatch(text::contains) ? ErrorType.AUTHENTICATION : ErrorType.PERMISSION;
        }
        if (status == 424) {
            return ErrorType.UPSTREAM; // ModelErrorException / ModelStreamErrorException: the model itself failed
        }
        return ProviderErrors.byStatus(status);
    }

    /** A rejected credential is a 401 to OpenAI clients whatever status AWS used. */
    private static int reportedStatus(ErrorType type, int status) {
        return type == ErrorType.AUTHENTICATION ? 401 : status;
    }

    private static String message(byte[] body) {
        JsonNode json = ProviderErrors.parse(body);
        for (String field : List.of("message", "Message")) {
            if (json.path(field).isTextual()) {
                return json.path(field).textValue();
            }
        }
        return ProviderErrors.plainText(body);
    }
}
