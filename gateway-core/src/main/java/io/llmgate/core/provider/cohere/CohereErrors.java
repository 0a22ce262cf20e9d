package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

import java.util.Locale;

/**
 * The status-to-error table for Cohere, whose errors are {@code {"message": "..."}}. The message decides first: a
 * prompt over the context window ("too many tokens: ...") and the safety filter ("blocked input/output ... usage
 * policy"); then Cohere's statuses, including 402 (billing), 498 (invalid token) and 499 (request cancelled).
 */
public final class CohereErrors {
    private CohereErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode parsed = ProviderErrors.parse(body);
        String message = parsed.path("message").isTextual() ? parsed.path("message").textValue() : ProviderErrors.plainText(body);
        return ProviderErrors.upstream(classify(status, message), status, message, deployment);
    }

    static ErrorType classify(int status, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (status < 500 && (text.contains("too many tokens") || text.contains("context length")
                || text.contains("context window") || text.contains("maximum context"))) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if (status < 500 && (text.contains("blocked input") || text.contains("blocked output")
                || text.contains("usage policy"))) {
            return ErrorType.CONTENT_POLICY;
        }
        return switch (status) {
            case 402 -> ErrorType.PERMISSION;
            case 498 -> ErrorType.AUTHENTICATION;
            case 499 -> ErrorType.TIMEOUT;
            default -> ProviderErrors.byStatus(status);
        };
    }
}
