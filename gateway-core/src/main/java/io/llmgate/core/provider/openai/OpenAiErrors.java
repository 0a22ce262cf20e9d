package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

/**
 * The status-to-error table for OpenAI-compatible providers. The upstream status is kept (a 404 stays a
 * 404), the message is the provider's own, and OpenAI's error codes for an exceeded context window or a
 * content filter are classified so the router can choose the right fallback.
 */
public final class OpenAiErrors {
    private OpenAiErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode error = ProviderErrors.parse(body).path("error");
        ErrorType type = classify(status, error.path("code").asText(""), error.path("type").asText(""));
        return ProviderErrors.upstream(type, status, message(error, body), deployment);
    }

    /** The message of OpenAI's {@code {"error": {...}}} body (or of a bare string error, or the raw text). */
    public static String message(JsonNode error, byte[] body) {
        return error.path("message").isTextual() ? error.path("message").textValue()
                : error.isTextual() ? error.textValue() : ProviderErrors.plainText(body);
    }

    /** The error class of an OpenAI-format error {@code code}/{@code type}, else of the status. */
    public static ErrorType classify(int status, String code, String type) {
        if ("context_length_exceeded".equals(code) || "context_length_exceeded".equals(type)) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if ("content_filter".equals(code) || "content_policy_violation".equals(code)) {
            return ErrorType.CONTENT_POLICY;
        }
        return ProviderErrors.byStatus(status);
    }
}
