package io.llmgate.api.error;

/**
 * The OpenAI error {@code type} values the gateway emits, each with the HTTP status it normally
 * travels with. Names follow OpenAI's and LiteLLM's wire strings so clients that switch on them work.
 */
public enum ErrorType {
    INVALID_REQUEST("invalid_request_error", 400),
    AUTHENTICATION("auth_error", 401),
    PERMISSION("permission_error", 403),
    NOT_FOUND("not_found_error", 404),
    TIMEOUT("timeout_error", 408),
    REQUEST_TOO_LARGE("request_too_large", 413),
    CONTEXT_WINDOW_EXCEEDED("context_length_exceeded", 400),
    CONTENT_POLICY("content_policy_violation", 400),
    RATE_LIMIT("rate_limit_error", 429),
    API_CONNECTION("api_connection_error", 502),
    SERVICE_UNAVAILABLE("service_unavailable", 503),
    UPSTREAM("api_error", 502),
    INTERNAL("internal_server_error", 500);

    private final String wireName;
    private final int defaultStatus;

    ErrorType(String wireName, int defaultStatus) {
        this.wireName = wireName;
        this.defaultStatus = defaultStatus;
    }

    public String wireName() {
        return wireName;
    }

    public int defaultStatus() {
        return defaultStatus;
    }
}
