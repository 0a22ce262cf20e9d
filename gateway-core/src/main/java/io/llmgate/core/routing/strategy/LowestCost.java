package io.llmgate.core.routing.strategy;

import io.llmgate.core.config.RoutingParams;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;

/** {@code cost-based-routing}: the cheapest deployment per token; an unknown price counts as $1, as in LiteLLM. */
public final class LowestCost extends LowestScore {
    private static final double UNKNOWN_COST = 1.0;

    @Override
    double score(Deployment deployment, RouteRequest request, DeploymentState state) {
        RoutingParams routing = deployment.config().routing();
        return routing.inputCostPerToken().orElse(UNKNOWN_COST) + routing.outputCostPerToken().orElse(UNKNOWN_COST);
    }
}
