package io.llmgate.core.routing.strategy;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;

/** {@code least-busy}: the deployment with the fewest calls in flight. */
public final class LeastBusy extends LowestScore {
    @Override
    double score(Deployment deployment, RouteRequest request, DeploymentState state) {
        return state.inFlight(deployment.id());
    }
}
