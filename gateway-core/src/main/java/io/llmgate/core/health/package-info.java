/**
 * Health: the database probe port behind {@code /health/readiness}, and the model health checks behind
 * {@code GET /health} — a minimal real call to each deployment ({@link io.llmgate.core.health.ProbePlan}), run
 * concurrently by {@link io.llmgate.core.health.HealthCheck}, which feeds each verdict to the router's
 * {@link io.llmgate.core.routing.DeploymentState}, and repeated by
 * {@link io.llmgate.core.health.BackgroundHealthChecks} when {@code background_health_checks} is on. The call
 * itself is made behind the {@link io.llmgate.core.health.DeploymentProbe} port, by the pipeline.
 */
package io.llmgate.core.health;
