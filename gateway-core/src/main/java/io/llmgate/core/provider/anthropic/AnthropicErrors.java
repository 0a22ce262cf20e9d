package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The error table for Anthropic: its body {@code {"type": "error", "error": {"type", "message"}}} names one of the
 * documented error types, each with its status. An exceeded context window and a content-filter block arrive as
 * plain {@code invalid_request_error}s, so they are recognised by their messages (as LiteLLM does). The status
 * is kept, including Anthropic's own 529 for {@code overloaded_error}.
 */
public final class AnthropicErrors {
    private static final int MAX_STREAM_MESSAGE = 1_000;

    /** Anthropic's documented error types with the status each travels with. */
    enum Kind {
        INVALID_REQUEST("invalid_request_error", 400, ErrorType.INVALID_REQUEST),
        AUTHENTICATION("authentication_error", 401, ErrorType.AUTHENTICATION),
        PERMISSION("permission_error", 403, ErrorType.PERMISSION),
        NOT_FOUND("not_found_error", 404, ErrorType.NOT_FOUND),
        REQUEST_TOO_LARGE("request_too_large", 413, ErrorType.REQUEST_TOO_LARGE),
        RATE_LIMIT("rate_limit_error", 429, ErrorType.RATE_LIMIT),
        API("api_error", 500, ErrorType.UPSTREAM),
        OVERLOADED("overloaded_error", 529, ErrorType.SERVICE_UNAVAILABLE);

        final String wireName;
        final int status;
        final ErrorType type;

        Kind(String wireName, int status, ErrorType type) {
            this.wireName = wireName;
            this.status = status;
            this.type = type;
        }

        static Optional<Kind> of(String wireName) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
        }
    }

    private AnthropicErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode error = ProviderErrors.parse(body).path("error");
        String message = error.path("message").isTextual() ? error.path("message").textValue()
                : ProviderErrors.plainText(body);
        return ProviderErrors.upstream(classify(status, error.path("type").asText(""), message), status, message,
                deployment);
    }

    /**
     * An {@code error} event inside a stream that began with 200 (Anthropic sends {@code overloaded_error} that
     * way): the status is the one the error type is documented with.
     */
    public static GatewayException inStream(JsonNode event, String provider, String model) {
        JsonNode error = event.path("error");
        String wireType = error.path("type").asText("");
        String message = error.path("message").asText("(no error message)");
        int status = Kind.of(wireType).map(k -> k.status).orElse(500);
        if (message.length() > MAX_STREAM_MESSAGE) {
            message = message.substring(0, MAX_STREAM_MESSAGE) + "…";
        }
        return GatewayException.upstream(classify(status, wireType, message), status,
                provider + " failed the stream with " + (wireType.isEmpty() ? "an error" : wireType) + ": " + message,
                ProviderErrors.retriable(status), provider, model, null);
    }

    static ErrorType classify(int status, String wireType, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("prompt is too long") || text.contains("prompt: length")
                || text.contains("exceed context limit") || text.contains("context window")) {
            return ErrorType.CONTEXT_WINDOW_EXCEEDED;
        }
        if (text.contains("content filtering policy")) {
            return ErrorType.CONTENT_POLICY;
        }
        return Kind.of(wireType).map(k -> k.type)
                .orElseGet(() -> status == 529 ? ErrorType.SERVICE_UNAVAILABLE : ProviderErrors.byStatus(status));
    }
}
