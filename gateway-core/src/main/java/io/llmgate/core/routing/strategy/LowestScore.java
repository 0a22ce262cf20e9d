package io.llmgate.core.routing.strategy;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.routing.RoutingStrategy;

import java.util.random.RandomGenerator;

/**
 * The strategies that pick the deployment with the lowest score (in-flight calls, tokens this minute, cost).
 * Ties are broken at random, so equal deployments share the traffic instead of the first taking it all.
 */
abstract class LowestScore implements RoutingStrategy {
    abstract double score(Deployment deployment, RouteRequest request, DeploymentState state);

    @Override
    public Deployment pick(Deployment[] candidates, int count, RouteRequest request, DeploymentState state,
                           RandomGenerator random) {
        int start = count == 1 ? 0 : random.nextInt(count);
        Deployment best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int n = 0; n < count; n++) {
            Deployment d = candidates[(start + n) % count];
            double score = score(d, request, state);
            if (best == null || score < bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }
}
