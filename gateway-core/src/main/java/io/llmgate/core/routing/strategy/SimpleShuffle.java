package io.llmgate.core.routing.strategy;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.routing.RoutingStrategy;

import java.util.random.RandomGenerator;

/**
 * LiteLLM's default {@code simple-shuffle}: a random pick weighted by {@code weight}, else {@code rpm}, else
 * {@code tpm}. Reads no shared state, so it behaves the same on every instance of a cluster.
 */
public final class SimpleShuffle implements RoutingStrategy {
    @Override
    public Deployment pick(Deployment[] candidates, int count, RouteRequest request, DeploymentState state,
                           RandomGenerator random) {
        return candidates[index(candidates, count, random.nextDouble())];
    }

    /** @param draw a uniform number in [0, 1) */
    static int index(Deployment[] candidates, int count, double draw) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += Math.max(0, candidates[i].weight());
        }
        if (total <= 0) {
            return (int) (draw * count);
        }
        double target = draw * total;
        for (int i = 0; i < count; i++) {
            target -= Math.max(0, candidates[i].weight());
            if (target < 0) {
                return i;
            }
        }
        return count - 1;
    }
}
