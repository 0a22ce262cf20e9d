package io.llmgate.core.routing.strategy;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.routing.RoutingStrategy;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * {@code latency-based-routing}: the deployment with the lowest recent average latency (time to first token
 * for streams). With {@code lowest_latency_buffer} b, any deployment within (1 + b) × the best is picked at
 * random, spreading load among near-equals. A deployment with no measurement yet counts as fastest, so
 * new deployments get explored.
 */
public final class LowestLatency implements RoutingStrategy {
    private final double buffer;

    public LowestLatency(double buffer) {
        this.buffer = Math.max(0, buffer);
    }

    @Override
    public Deployment pick(Deployment[] candidates, int count, RouteRequest request, DeploymentState state,
                           RandomGenerator random) {
        double[] latency = new double[count];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            OptionalDouble average = state.averageLatency(candidates[i].id(), request.stream());
            latency[i] = average.orElse(0);
            best = Math.min(best, latency[i]);
        }
        double limit = best * (1 + buffer);
        int near = 0;
        for (int i = 0; i < count; i++) {
            if (latency[i] <= limit) {
                near++;
            }
        }
        int chosen = random.nextInt(near);
        for (int i = 0; i < count; i++) {
            if (latency[i] <= limit && chosen-- == 0) {
                return candidates[i];
            }
        }
        throw new IllegalStateException("unreachable: at least the best deployment is near the best");
    }
}
