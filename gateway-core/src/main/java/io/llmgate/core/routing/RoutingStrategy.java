package io.llmgate.core.routing;

import java.util.random.RandomGenerator;

/** Picks one deployment among the available ones of a group ({@code routing_strategy}). */
public interface RoutingStrategy {
    /**
     * @param candidates the first {@code count} entries are the deployments to choose from, never zero
     */
    Deployment pick(Deployment[] candidates, int count, RouteRequest request, DeploymentState state, RandomGenerator random);
}
