package io.llmgate.core.routing;

import java.util.Set;

/**
 * What the router knows about one request when it picks a deployment.
 *
 * @param promptTokens estimated prompt tokens, or -1 when nobody needed the estimate
 * @param tried        deployments of this group that already failed this request, avoided while others remain
 */
public record RouteRequest(boolean stream, long promptTokens, Set<String> tried) {
    public static RouteRequest first(boolean stream, long promptTokens) {
        return new RouteRequest(stream, promptTokens, Set.of());
    }
}
