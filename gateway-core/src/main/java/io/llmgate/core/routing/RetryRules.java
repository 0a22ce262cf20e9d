package io.llmgate.core.routing;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.config.RouterSettings.ErrorClass;

import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Whether and when a failed attempt is retried within its model group (LiteLLM's rules): errors that may
 * pass (rate limits, timeouts, 5xx, connection failures) get {@code num_retries}, or the request's own
 * {@code num_retries}, or their {@code retry_policy} entry; a rejected credential or unknown model is retried
 * only on another deployment; other client errors not at all unless the policy names them. Rate-limited
 * retries on the same deployment back off exponentially with jitter, honouring the provider's Retry-After;
 * other retries go at once (after {@code retry_after}).
 */
public final class RetryRules {
    static final long INITIAL_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 8_000;
    /** A Retry-After longer than this is not waited for: the caller is better served by an error or a fallback. */
    static final long MAX_HONOURED_RETRY_AFTER_SECONDS = 60;

    private final RouterSettings settings;

    public RetryRules(RouterSettings settings) {
        this.settings = settings;
    }

    public static ErrorClass classify(GatewayException error) {
        return switch (error.type()) {
            case RATE_LIMIT -> ErrorClass.RATE_LIMIT;
            case TIMEOUT -> ErrorClass.TIMEOUT;
            case AUTHENTICATION, PERMISSION -> ErrorClass.AUTHENTICATION;
            case CONTENT_POLICY -> ErrorClass.CONTENT_POLICY;
            case INVALID_REQUEST, NOT_FOUND, REQUEST_TOO_LARGE, CONTEXT_WINDOW_EXCEEDED -> ErrorClass.BAD_REQUEST;
            case API_CONNECTION, SERVICE_UNAVAILABLE, UPSTREAM, INTERNAL -> ErrorClass.INTERNAL_SERVER;
        };
    }

    /**
     * @param requested        the request's {@code num_retries}, when it sent one
     * @param anotherAvailable whether a deployment of the group that has not failed this request can take it
     */
    public int retriesFor(GatewayException error, OptionalInt requested, boolean anotherAvailable) {
        ErrorClass kind = classify(error);
        Integer policy = settings.retryPolicy().get(kind);
        if (policy != null) {
            return policy;
        }
        int base = requested.orElse(settings.numRetries());
        if (error.retriable() || kind == ErrorClass.RATE_LIMIT || kind == ErrorClass.TIMEOUT) {
            return base;
        }
        boolean deploymentSpecific = error.status() == 401 || error.status() == 403 || error.status() == 404;
        return deploymentSpecific && anotherAvailable ? base : 0;
    }

    /** @param retry 1 for the first retry */
    public long delayMillis(GatewayException error, int retry, boolean anotherAvailable, RandomGenerator random) {
        long floor = settings.retryAfter().toMillis();
        if (error.status() != 429 || anotherAvailable) {
            return floor;
        }
        long upstream = error.retryAfterSeconds().orElse(-1);
        if (upstream >= 0 && upstream <= MAX_HONOURED_RETRY_AFTER_SECONDS) {
            return Math.max(floor, upstream * 1000);
        }
        long backoff = Math.min(MAX_BACKOFF_MILLIS, INITIAL_BACKOFF_MILLIS << Math.min(retry - 1, 10));
        // full jitter over the upper half: spreads retries of many callers hit by the same limit
        long jittered = backoff / 2 + (long) (random.nextDouble() * (backoff / 2.0));
        return Math.max(floor, jittered);
    }
}
