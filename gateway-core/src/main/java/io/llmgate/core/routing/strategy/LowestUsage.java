package io.llmgate.core.routing.strategy;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.RouteRequest;

/**
 * {@code usage-based-routing-v2}: the deployment that used the fewest tokens this minute. Deployments that
 * would exceed their {@code rpm}/{@code tpm} are already filtered out by the selector.
 */
public final class LowestUsage extends LowestScore {
    @Override
    double score(Deployment deployment, RouteRequest request, DeploymentState state) {
        return state.usage(deployment.id()).tokens();
    }
}
