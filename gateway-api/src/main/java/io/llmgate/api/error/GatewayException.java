package io.llmgate.api.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one unchecked root of every error the gateway reports to a caller. It carries what the
 * OpenAI error body needs ({@code message}, {@code type}, {@code param}, HTTP status) plus
 * whether retrying on another deployment may help and, for upstream errors, which provider and
 * model answered. Messages must never contain keys, prompts or completions.
 */
public class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorType type;
    private final String param;
    private final boolean retriable;
    private final String provider;
    private final String model;
    private final long retryAfterSeconds;

    public GatewayException(ErrorType type, String message) {
        this(type, type.defaultStatus(), message, null, false, null, null, null);
    }

    protected GatewayException(ErrorType type, int status, String message, String param,
                               boolean retriable, String provider, String model, Throwable cause) {
        this(type, status, message, param, retriable, provider, model, cause, -1);
    }

    private GatewayException(ErrorType type, int status, String message, String param, boolean retriable,
                             String provider, String model, Throwable cause, long retryAfterSeconds) {
        super(Objects.requireNonNull(message, "message"), cause, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.param = param;
        this.retriable = retriable;
        this.provider = provider;
        this.model = model;
    }

    /** An error of {@code type} answered with a status other than the type's default (404 for a route, 405, ...). */
    public static GatewayException withStatus(ErrorType type, int status, String message) {
        return new GatewayException(type, status, message, null, false, null, null, null);
    }

    /** A 400 {@code invalid_request_error} about one request field, e.g. {@code param = "messages"}. */
    public static GatewayException invalidField(String param, String message) {
        return new GatewayException(ErrorType.INVALID_REQUEST, 400, message, param, false, null, null, null);
    }

    /** The client went away before the answer was complete (nginx's 499); nobody reads this answer. */
    public static GatewayException clientClosed() {
        return new GatewayException(ErrorType.INVALID_REQUEST, 499, "The client closed the request", null, false,
                null, null, null);
    }

    /** An error that came from (or while reaching) an upstream provider. */
    public static GatewayException upstream(ErrorType type, int status, String message, boolean retriable,
                                            String provider, String model, Throwable cause) {
        return new GatewayException(type, status, message, null, retriable, provider, model, cause);
    }

    public int status() {
        return status;
    }

    public ErrorType type() {
        return type;
    }

    /** The request field the error is about, or {@code null}. */
    public String param() {
        return param;
    }

    /** Whether the same request may succeed on another attempt or deployment. */
    public boolean retriable() {
        return retriable;
    }

    /** The provider the error is attributed to ({@code openai}, {@code anthropic}, ...), or {@code null}. */
    public String provider() {
        return provider;
    }

    /** The model the error is attributed to, or {@code null}. */
    public String model() {
        return model;
    }

    /** How long the provider asked callers to wait ({@code Retry-After}), when it said. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** This error carrying the provider's {@code Retry-After}, passed on to the caller. */
    public GatewayException withRetryAfter(long seconds) {
        return new GatewayException(type, status, getMessage(), param, retriable, provider, model, getCause(),
                Math.max(0, seconds));
    }
}
