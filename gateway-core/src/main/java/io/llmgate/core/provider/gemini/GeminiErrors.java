package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

import java.util.Locale;

/**
 * The status-to-error table for Google's Gemini APIs (AI Studio and Vertex AI). Google answers
 * {@code {"error": {"code", "message", "status"}}} (inside a JSON array on some streaming paths); the
 * canonical {@code status} decides first, the message then reveals an exceeded context window or a safety
 * refusal, which Google reports as plain {@code INVALID_ARGUMENT}. A rejected AI Studio key is a 400 there
 * and a 401 here, and a deadline is reported as the gateway reports its own timeouts (408).
 */
public final class GeminiErrors {
    private GeminiErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode root = ProviderErrors.parse(body);
        JsonNode error = (root.isArray() ? root.path(0) : root).path("error");
        String message = error.path("message").isTextual() ? error.path("message").textValue()
                : ProviderErrors.plainText(body);
        ErrorType type = classify(status, error.path("status").asText(""), reason(error), message);
        return ProviderErrors.upstream(type, reportedStatus(type, status), message, deployment);
    }

    /** An error object Google sent as a stream event after the stream had started. */
    public static GatewayException inStream(JsonNode error, String provider, String model) {
        int status = error.path("code").asInt(500);
        String message = error.path("message").asText("(no error message)");
        ErrorType type = classify(status, error.path("status").asText(""), reason(error), message);
        int reported = reportedStatus(type, status);
        return GatewayException.upstream(type, reported, provider + " returned " + status + " in the stream: " + message,
                ProviderErrors.retriable(reported), provider, model, null);
    }

    /** Gemini answered 200 but refused: the prompt was blocked, or the only candidate was stopped for safety. */
    public static GatewayException blocked(String what, String reason, String provider, String model) {
        return GatewayException.upstream(ErrorType.CONTENT_POLICY, 400, provider + " blocked the " + what
                + " (" + reason + ")", false, provider, model, null);
    }

    static ErrorType classify(int status, String googleStatus, String reason, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("exceeds the maximum number of tokens")
                || text.contains("input token count") && (text.contains("exceeds") || text.contains("only supports up to"))) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if (text.contains("safety") && text.contains("block") || text.contains("prohibited_content")
                || text.contains("responsible ai practices")) {
            return ErrorType.CONTENT_POLICY;
        }
        if ("API_KEY_INVALID".equals(reason) || text.contains("api key not valid") || text.contains("api key expired")) {
            return ErrorType.AUTHENTICATION;
        }
        return switch (googleStatus) {
            case "RESOURCE_EXHAUSTED" -> ErrorType.RATE_LIMIT;
            case "UNAUTHENTICATED" -> ErrorType.AUTHENTICATION;
            case "PERMISSION_DENIED" -> ErrorType.PERMISSION;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "DEADLINE_EXCEEDED" -> ErrorType.TIMEOUT;
            case "UNAVAILABLE" -> ErrorType.SERVICE_UNAVAILABLE;
            case "INTERNAL", "UNKNOWN" -> ErrorType.UPSTREAM;
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> ErrorType.INVALID_REQUEST;
            default -> status == 504 ? ErrorType.TIMEOUT : ProviderErrors.byStatus(status);
        };
    }

    private static int reportedStatus(ErrorType type, int status) {
        if (type == ErrorType.AUTHENTICATION && status == 400) {
            return 401;
        }
        return type == ErrorType.TIMEOUT ? 408 : status;
    }

    /** The {@code google.rpc.ErrorInfo} reason, e.g. {@code API_KEY_INVALID}, or empty. */
    private static String reason(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.hasNonNull("reason")) {
                return detail.get("reason").asText();
            }
        }
        return "";
    }
}
