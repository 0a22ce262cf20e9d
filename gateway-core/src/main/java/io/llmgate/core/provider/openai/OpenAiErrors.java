package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.Secret;
import io.llmgate.core.json.Json;
import io.llmgate.core.routing.Deployment;

import java.nio.charset.StandardCharsets;

/**
 * The status-to-error table for OpenAI-compatible providers. The upstream status is kept (a 404 stays a
 * 404), the message is the provider's own, and OpenAI's error codes for an exceeded context window or a
 * content filter are classified so the router can choose the right fallback.
 */
public final class OpenAiErrors {
    private static final int MAX_MESSAGE = 1_000;

    private OpenAiErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode error = parse(body).path("error");
        String message = error.path("message").isTextual() ? error.path("message").textValue()
                : error.isTextual() ? error.textValue() : plainText(body);
        String code = error.path("code").asText("");
        ErrorType type = classify(status, code, error.path("type").asText(""));
        String provider = deployment.provider().name();
        // some servers quote the key they rejected: never pass the deployment's own key on to the caller
        String safe = deployment.apiKey().map(Secret::reveal).filter(k -> !k.isEmpty())
                .map(k -> message.replace(k, "****")).orElse(message);
        return GatewayException.upstream(type, status, provider + " returned " + status + ": " + truncate(safe),
                retriable(status), provider, deployment.upstreamModel(), null);
    }

    static ErrorType classify(int status, String code, String type) {
        if ("context_length_exceeded".equals(code) || "context_length_exceeded".equals(type)) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if ("content_filter".equals(code) || "content_policy_violation".equals(code)) {
            return ErrorType.CONTENT_POLICY;
        }
        return switch (status) {
            case 400, 409, 422 -> ErrorType.INVALID_REQUEST;
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.PERMISSION;
            case 404 -> ErrorType.NOT_FOUND;
            case 408 -> ErrorType.TIMEOUT;
            case 413 -> ErrorType.REQUEST_TOO_LARGE;
            case 429 -> ErrorType.RATE_LIMIT;
            case 503 -> ErrorType.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorType.UPSTREAM : ErrorType.INVALID_REQUEST;
        };
    }

    /** As OpenAI's own SDKs decide: timeouts, conflicts, rate limits and server errors may succeed on a retry. */
    static boolean retriable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            return tree == null ? Json.mapper().missingNode() : tree;
        } catch (Exception e) {
            return Json.mapper().missingNode();
        }
    }

    private static String plainText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(no error message)" : text;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
