package io.llmgate.core.health;

import io.llmgate.core.routing.Deployment;

import java.util.concurrent.CompletionStage;

/**
 * Port: one health-check call against one deployment, never through the router (no retries, fallbacks or
 * cooldowns that could hide a broken deployment). Asynchronous; the stage never fails: whatever went wrong
 * becomes an unhealthy {@link EndpointHealth}.
 */
@FunctionalInterface
public interface DeploymentProbe {
    CompletionStage<EndpointHealth> probe(Deployment deployment);
}
