package io.llmgate.core.health;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks many deployments at once: every probe starts at the same time, the report is ready when the last one
 * has answered. When the check feeds routing (background checks, which will look again), each verdict goes to
 * the router's {@link DeploymentState} as soon as it is known, so an unhealthy deployment stops receiving traffic
 * until a later check finds it healthy; a deployment that could not be checked leaves its state as it was. A
 * check on demand does not feed routing: nothing would re-check a deployment it shut out.
 */
public final class HealthCheck {
    private final DeploymentProbe probe;
    private final DeploymentState state;
    private final Clock clock;
    private final boolean feedsRouting;

    public HealthCheck(DeploymentProbe probe, DeploymentState state, Clock clock) {
        this(probe, state, clock, true);
    }

    public HealthCheck(DeploymentProbe probe, DeploymentState state, Clock clock, boolean feedsRouting) {
        this.probe = probe;
        this.state = state;
        this.clock = clock;
        this.feedsRouting = feedsRouting;
    }

    /** Checks each distinct deployment (by id) once; the stage never fails. */
    public CompletionStage<HealthReport> run(Collection<Deployment> deployments) {
        Map<String, Deployment> distinct = new LinkedHashMap<>();
        deployments.forEach(d -> distinct.putIfAbsent(d.id(), d));
        List<CompletableFuture<EndpointHealth>> probes = new ArrayList<>(distinct.size());
        for (Deployment deployment : distinct.values()) {
            probes.add(start(deployment).thenApply(this::record));
        }
        return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .thenApply(done -> new HealthReport(probes.stream().map(CompletableFuture::join).toList(), clock.instant()));
    }

    private CompletableFuture<EndpointHealth> start(Deployment deployment) {
        CompletableFuture<EndpointHealth> result;
        try {
            result = probe.probe(deployment).toCompletableFuture();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        // the port promises not to fail; should it, the deployment is reported rather than the whole check lost
        return result.exceptionally(error -> EndpointHealth.unhealthy(deployment,
                "Health check failed (" + error.getClass().getSimpleName() + ")"));
    }

    private EndpointHealth record(EndpointHealth result) {
        if (feedsRouting && result.verdict() != EndpointHealth.Verdict.NOT_CHECKABLE) {
            state.markHealth(result.deployment().id(), result.healthy());
        }
        return result;
    }
}
