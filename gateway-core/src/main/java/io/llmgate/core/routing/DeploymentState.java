package io.llmgate.core.routing;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Port: what the router remembers about deployments between requests (cooldowns, in-flight calls, this
 * minute's usage, recent latency, health). Strategies read it, the executor writes it; where it lives
 * (one instance's cache, or a cluster's) is the adapter's business. All methods are fast and non-blocking.
 */
public interface DeploymentState {
    /** Epoch millis until which the deployment receives no traffic, or 0 when it is not cooled down. */
    long cooldownUntil(String deploymentId);

    void coolDown(String deploymentId, Duration duration);

    int inFlight(String deploymentId);

    /** A call was sent: counts it in this minute's requests and, when asked, in flight (until {@link #callEnded}). */
    void callStarted(String deploymentId, boolean inFlight);

    /** A call was sent, counted in flight too. */
    default void callStarted(String deploymentId) {
        callStarted(deploymentId, true);
    }

    void callEnded(String deploymentId);

    /** This minute's requests, failures and tokens. */
    MinuteUsage usage(String deploymentId);

    void recordTokens(String deploymentId, long tokens);

    /** Counts a failed call in this minute's usage and returns the usage after it. */
    MinuteUsage recordFailure(String deploymentId);

    /** @param firstToken time to first token of a stream, else the whole answer's time */
    void recordLatency(String deploymentId, boolean firstToken, long nanos);

    /** Mean of the recent latencies of that kind, in nanoseconds, or empty when none is known. */
    OptionalDouble averageLatency(String deploymentId, boolean firstToken);

    /** What the last health check found; a deployment never checked counts as healthy. */
    void markHealth(String deploymentId, boolean healthy);

    boolean healthy(String deploymentId);

    /** Epoch millis now, on the clock cooldowns and minutes are measured with. */
    long now();

    /** Requests, failures and tokens of one deployment in the current minute. */
    record MinuteUsage(long requests, long failures, long tokens) {
        public static final MinuteUsage NONE = new MinuteUsage(0, 0, 0);

        public MinuteUsage plus(long addRequests, long addFailures, long addTokens) {
            return new MinuteUsage(requests + addRequests, failures + addFailures, tokens + addTokens);
        }
    }
}
