package io.llmgate.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.Secret;
import io.llmgate.core.json.Json;
import io.llmgate.core.routing.Deployment;

import java.nio.charset.StandardCharsets;

/**
 * What every provider's status-to-error table shares: the default status classes, which statuses a
 * retry may cure, and turning the provider's message into a safe one (never the deployment's key,
 * never unbounded) attributed to provider and model. Each provider's own table decides the
 * {@link ErrorType} from its error codes first and falls back to {@link #byStatus}.
 */
public final class ProviderErrors {
    private static final int MAX_MESSAGE = 1_000;

    private ProviderErrors() {
    }

    /** The gateway error for an upstream answer with {@code status}, classified as {@code type}. */
    public static GatewayException upstream(ErrorType type, int status, String providerMessage, Deployment deployment) {
        String provider = deployment.provider().name();
        return GatewayException.upstream(type, status,
                provider + " returned " + status + ": " + truncate(mask(providerMessage, deployment)),
                retriable(status), provider, deployment.upstreamModel(), null);
    }

    /** The error class a status means when the provider's body says nothing more specific. */
    public static ErrorType byStatus(int status) {
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
    public static boolean retriable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** The body as JSON, or a missing node when it is not JSON (HTML error pages, empty bodies). */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = Json.mapper().readTree(body);
            return tree == null ? Json.mapper().missingNode() : tree;
        } catch (Exception e) {
            return Json.mapper().missingNode();
        }
    }

    /** The body as text, for providers that answered an error without JSON. */
    public static String plainText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(no error message)" : text;
    }

    /** Some servers quote the key they rejected: never pass the deployment's own key on to the caller. */
    static String mask(String message, Deployment deployment) {
        return deployment.apiKey().map(Secret::reveal).filter(k -> !k.isEmpty())
                .map(k -> message.replace(k, "****")).orElse(message);
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
