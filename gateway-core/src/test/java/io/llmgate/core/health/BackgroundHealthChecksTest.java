package io.llmgate.core.health;

import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.pipeline.TestRouters;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep and its schedule, with a scripted probe instead of real calls. */
class BackgroundHealthChecksTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final DeploymentState state = TestRouters.fresh(RouterSettings.defaults()).state();
    private final Map<String, AtomicInteger> probes = new ConcurrentHashMap<>();
    private final ModelCatalog catalog = ConfigFiles.catalog("""
            model_list:
              - model_name: a
                litellm_params: { model: openai/a, api_base: "http://127.0.0.1:1/v1" }
                model_info: { id: a }
              - model_name: b
                litellm_params: { model: openai/b, api_base: "http://127.0.0.1:1/v1" }
                model_info: { id: b, disable_background_health_check: true }
              - model_name: c
                litellm_params: { model: openai/c, api_base: "http://127.0.0.1:1/v1" }
                model_info: { id: c }
            """);
    private final List<Deployment> deployments = catalog.groups().stream().flatMap(g -> g.deployments().stream()).toList();
    private final HealthCheck check = new HealthCheck(this::scriptedProbe,
            state, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void should_report_every_distinct_deployment_once_even_when_a_probe_breaks_its_promise() throws Exception {
        // when
        HealthReport report = check.run(List.of(deployments.get(0), deployments.get(2), deployments.get(0)))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        // then
        assertThat(report.endpoints()).extracting(e -> e.deployment().id()).containsExactly("a", "c");
        assertThat(report.endpoints().get(1).healthy()).isFalse();
        assertThat(report.endpoints().get(1).error()).hasValue("Health check failed (IllegalStateException)");
        assertThat(state.healthy("a")).isTrue();
        assertThat(state.healthy("c")).isFalse();
    }

    @Test
    void should_leave_routing_alone_for_a_deployment_it_could_not_check() throws Exception {
        // given
        state.markHealth("a", false);
        HealthCheck uncheckable = new HealthCheck(d -> CompletableFuture.completedFuture(
                EndpointHealth.notCheckable(d, "no minimal call")), state, Clock.systemUTC());

        // when
        HealthReport report = uncheckable.run(List.of(deployments.get(0))).toCompletableFuture().get(5, TimeUnit.SECONDS);

        // then
        assertThat(report.endpoints()).singleElement().satisfies(e -> assertThat(e.healthy()).isFalse());
        assertThat(state.healthy("a")).as("still what the last real check said").isFalse();
    }

    @Test
    void should_check_at_start_then_every_interval_skipping_deployments_that_opt_out_until_stopped() throws Exception {
        // given
        BackgroundHealthChecks background = new BackgroundHealthChecks(check, () -> deployments, Duration.ofMillis(50), timer);

        // when
        background.start();
        Thread.sleep(400);
        background.stop();
        int afterStop = count("a");
        Thread.sleep(200);

        // then
        assertThat(afterStop).isGreaterThanOrEqualTo(3);
        assertThat(count("a")).as("no check after stop").isLessThanOrEqualTo(afterStop + 1);
        assertThat(count("b")).as("disable_background_health_check").isZero();
        assertThat(background.latest()).hasValueSatisfying(report ->
                assertThat(report.endpoints()).extracting(e -> e.deployment().id()).containsExactly("a", "c"));
    }

    @Test
    void should_have_no_report_before_the_first_check_has_finished() {
        // given
        BackgroundHealthChecks background = new BackgroundHealthChecks(check, () -> deployments, Duration.ofMinutes(5), timer);

        // then
        assertThat(background.latest()).isEmpty();
    }

    /** {@code a} is healthy; {@code c}'s probe throws, which the port forbids. */
    private CompletableFuture<EndpointHealth> scriptedProbe(Deployment deployment) {
        probes.computeIfAbsent(deployment.id(), id -> new AtomicInteger()).incrementAndGet();
        if (deployment.id().equals("c")) {
            throw new IllegalStateException("broken probe");
        }
        return CompletableFuture.completedFuture(EndpointHealth.healthy(deployment));
    }

    private int count(String id) {
        AtomicInteger n = probes.get(id);
        return n == null ? 0 : n.get();
    }
}
