package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.health.DeploymentProbe;
import io.llmgate.core.health.EndpointHealth;
import io.llmgate.core.health.ProbePlan;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health check's call: the {@link ProbePlan} sent as one {@link ProviderCall} straight to the deployment,
 * bypassing the router, and abandoned (the exchange aborted) when it outlasts the plan's timeout. Parameters the
 * provider does not support are dropped, since they are the probe's own choice, not a caller's.
 */
public final class HealthProbe implements DeploymentProbe {
    private final ProviderCall calls;

    public HealthProbe(UpstreamClient client, long maxResponseBytes) {
        this.calls = new ProviderCall(client, maxResponseBytes, true);
    }

    @Override
    public CompletionStage<EndpointHealth> probe(Deployment deployment) {
        ProbePlan.Result planned = ProbePlan.of(deployment);
        if (planned.plan().isEmpty()) {
            return CompletableFuture.completedFuture(EndpointHealth.notCheckable(deployment, planned.reason()));
        }
        ProbePlan plan = planned.plan().get();
        CompletableFuture<CallOutcome> call = calls.perform(plan.request(), plan.target()).toCompletableFuture();
        return call.copy().orTimeout(plan.timeout().toMillis(), TimeUnit.MILLISECONDS).handle((outcome, error) -> {
            if (error == null) {
                if (outcome instanceof CallOutcome.Streaming stream) {
                    stream.events().cancel();
                }
                return EndpointHealth.healthy(deployment);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                call.cancel(false);
                return EndpointHealth.unhealthy(deployment, "Health check timed out after " + seconds(plan.timeout()));
            }
            return EndpointHealth.unhealthy(deployment, cause instanceof GatewayException gateway ? gateway.getMessage()
                    : "Health check failed (" + cause.getClass().getSimpleName() + ")");
        });
    }

    private static String seconds(java.time.Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + "s" : limit.toMillis() + "ms";
    }
}
