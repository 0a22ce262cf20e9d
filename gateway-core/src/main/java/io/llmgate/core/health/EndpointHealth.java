package io.llmgate.core.health;

import io.llmgate.core.routing.Deployment;

import java.util.Objects;
import java.util.Optional;

/**
 * What a health check found for one deployment.
 *
 * @param error why it is not healthy: the gateway's own error message (which never carries credentials), shortened
 */
public record EndpointHealth(Deployment deployment, Verdict verdict, Optional<String> error) {
    /** Longest error text kept: enough for the provider's reason, short enough for a dashboard. */
    static final int MAX_ERROR_LENGTH = 300;

    public enum Verdict {
        HEALTHY,
        UNHEALTHY,
        /** No call was made (its mode has no minimal call, a wildcard without a model to try): tells routing nothing. */
        NOT_CHECKABLE
    }

    public EndpointHealth {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(verdict, "verdict");
        error = Objects.requireNonNull(error, "error").map(EndpointHealth::shorten);
    }

    public static EndpointHealth healthy(Deployment deployment) {
        return new EndpointHealth(deployment, Verdict.HEALTHY, Optional.empty());
    }

    public static EndpointHealth unhealthy(Deployment deployment, String error) {
        return new EndpointHealth(deployment, Verdict.UNHEALTHY, Optional.of(error));
    }

    public static EndpointHealth notCheckable(Deployment deployment, String reason) {
        return new EndpointHealth(deployment, Verdict.NOT_CHECKABLE, Optional.of(reason));
    }

    public boolean healthy() {
        return verdict == Verdict.HEALTHY;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
