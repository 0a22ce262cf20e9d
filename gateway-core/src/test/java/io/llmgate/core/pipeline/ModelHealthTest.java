package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.health.EndpointHealth;
import io.llmgate.core.health.HealthReport;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.ModelGroup;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.LoopbackTest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code GET /health}'s use case and the background checks, against the fake upstream, feeding a real router. */
class ModelHealthTest extends LoopbackTest {

    @Test
    void should_check_every_deployment_on_demand_without_touching_the_routers_state() throws Exception {
        // given
        upstream.script("all-broken", Scenario.openAiError(503, "server_error", "down for maintenance", null));
        FixedRuntime runtime = runtime("""
                model_list:
                  - model_name: all-group
                    litellm_params: { model: openai/all-ok, api_base: "%1$s" }
                    model_info: { id: all-ok }
                  - model_name: all-group
                    litellm_params: { model: openai/all-broken, api_base: "%1$s" }
                    model_info: { id: all-broken }
                  - model_name: all-embed
                    litellm_params: { model: openai/all-embed, api_base: "%1$s" }
                    model_info: { id: all-embed, mode: embedding }
                """);

        // when
        HealthReport report = new ModelHealth(runtime).check(Optional.empty()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        // then
        assertThat(report.endpoints()).extracting(e -> e.deployment().id(), EndpointHealth::healthy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("all-ok", true),
                        org.assertj.core.groups.Tuple.tuple("all-broken", false),
                        org.assertj.core.groups.Tuple.tuple("all-embed", true));
        // nothing re-checks on demand, so a passing failure must not shut the deployment out of routing
        DeploymentState state = runtime.router().state();
        assertThat(state.healthy("all-ok")).isTrue();
        assertThat(state.healthy("all-broken")).isTrue();
    }

    @Test
    void should_check_only_the_deployments_of_the_model_group_asked_for() throws Exception {
        // given
        FixedRuntime runtime = runtime("""
                model_list:
                  - model_name: only-this
                    litellm_params: { model: openai/only-this, api_base: "%1$s" }
                  - model_name: not-that
                    litellm_params: { model: openai/not-that, api_base: "%1$s" }
                """);

        // when
        HealthReport report = new ModelHealth(runtime).check(Optional.of("only-this")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        // then
        assertThat(report.endpoints()).extracting(e -> e.deployment().modelGroup()).containsExactly("only-this");
        assertThat(requests("only-this")).isEqualTo(1);
        assertThat(requests("not-that")).isZero();
    }

    @Test
    void should_refuse_a_model_nothing_is_configured_for_naming_the_field() {
        // given
        ModelHealth health = new ModelHealth(runtime("""
                model_list:
                  - model_name: known
                    litellm_params: { model: openai/known, api_base: "%1$s" }
                """));

        // when
        GatewayException error = catchThrowableOfType(() -> health.check(Optional.of("unknown-model")), GatewayException.class);

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("model");
        assertThat(error.getMessage()).contains("unknown-model");
    }

    @Test
    void should_keep_an_unhealthy_deployment_out_of_routing_until_a_background_check_finds_it_healthy_again()
            throws Exception {
        // given a group whose one deployment fails, checked in the background every 100 ms
        upstream.script("bg-flaky", Scenario.openAiError(500, "server_error", "flaky upstream", null));
        FixedRuntime runtime = runtime("""
                model_list:
                  - model_name: bg-group
                    litellm_params: { model: openai/bg-flaky, api_base: "%1$s" }
                    model_info: { id: bg-flaky }
                  - model_name: bg-group
                    litellm_params: { model: openai/bg-steady, api_base: "%1$s" }
                    model_info: { id: bg-steady }
                  - model_name: bg-quiet
                    litellm_params: { model: openai/bg-quiet, api_base: "%1$s" }
                    model_info: { id: bg-quiet, disable_background_health_check: true }
                general_settings: { background_health_checks: true, health_check_interval: 0.1 }
                """);
        ModelHealth health = new ModelHealth(runtime);
        DeploymentState state = runtime.router().state();
        ModelGroup group = runtime.catalog().group("bg-group").orElseThrow();
        try {
            // when the background checks start
            health.startBackground();

            // then the failing deployment is marked unhealthy and the router picks only the other one
            await(() -> !state.healthy("bg-flaky"));
            assertThat(picks(runtime, group)).containsExactly("bg-steady");

            // when the deployment recovers
            upstream.script("bg-flaky", Scenario.ok());

            // then a later check marks it healthy and the router uses it again
            await(() -> state.healthy("bg-flaky"));
            assertThat(picks(runtime, group)).contains("bg-flaky", "bg-steady");
            assertThat(requests("bg-quiet")).as("background checks skip disable_background_health_check").isZero();
        } finally {
            health.stop();
        }
    }

    @Test
    void should_answer_from_the_latest_background_check_and_probe_at_once_what_it_did_not_cover() throws Exception {
        // given
        FixedRuntime runtime = runtime("""
                model_list:
                  - model_name: cached
                    litellm_params: { model: openai/cached, api_base: "%1$s" }
                  - model_name: uncovered
                    litellm_params: { model: openai/uncovered, api_base: "%1$s" }
                    model_info: { disable_background_health_check: true }
                general_settings: { background_health_checks: true, health_check_interval: 60 }
                """);
        ModelHealth health = new ModelHealth(runtime);
        try {
            health.startBackground();
            await(() -> health.latestBackground().isPresent());
            HealthReport first = health.check(Optional.empty()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Instant asked = Instant.now();

            // when
            HealthReport cached = health.check(Optional.of("cached")).toCompletableFuture().get(10, TimeUnit.SECONDS);
            HealthReport uncovered = health.check(Optional.of("uncovered")).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // then
            assertThat(first.endpoints()).extracting(e -> e.deployment().modelGroup()).containsExactly("cached");
            assertThat(cached.checkedAt()).isBefore(asked);
            assertThat(requests("cached")).as("served from the background check's report").isEqualTo(1);
            assertThat(uncovered.endpoints()).singleElement().satisfies(e -> assertThat(e.healthy()).isTrue());
            assertThat(requests("uncovered")).isEqualTo(1);
        } finally {
            health.stop();
        }
    }

    private static Set<String> picks(FixedRuntime runtime, ModelGroup group) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            picked.add(runtime.router().selector().select(group, RouteRequest.first(false, -1)).id());
        }
        return picked;
    }

    private static FixedRuntime runtime(String yaml) {
        return new FixedRuntime(ConfigFiles.load(yaml.formatted(upstream.baseUrl())), client);
    }

    private static long requests(String upstreamModel) {
        return upstream.requests().stream().filter(r -> upstreamModel.equals(r.bodyJson().path("model").asText())).count();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
