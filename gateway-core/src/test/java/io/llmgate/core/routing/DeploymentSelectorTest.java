package io.llmgate.core.routing;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.pipeline.TestRouters;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeploymentSelectorTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final DeploymentState state = TestRouters.state(clock::get);

    @Test
    void should_pick_in_proportion_to_the_weights() {
        // given: weights 1, 3 and 6
        Setup setup = setup("", "weight: 1", "weight: 3", "weight: 6");
        int draws = 20_000;

        // when
        Map<String, Integer> picks = count(setup, draws, RouteRequest.first(false, -1));

        // then: expected 2000 / 6000 / 12000; 300 is more than 4 standard deviations for each
        assertThat(picks.get("d0")).isBetween(1_700, 2_300);
        assertThat(picks.get("d1")).isBetween(5_700, 6_300);
        assertThat(picks.get("d2")).isBetween(11_700, 12_300);
    }

    @Test
    void should_weigh_by_rpm_when_no_weight_is_set_and_skip_weight_zero() {
        // given
        Setup setup = setup("", "rpm: 100", "rpm: 300", "weight: 0");

        // when
        Map<String, Integer> picks = count(setup, 8_000, RouteRequest.first(false, -1));

        // then: 2000 / 6000 expected
        assertThat(picks.get("d0")).isBetween(1_700, 2_300);
        assertThat(picks.get("d1")).isBetween(5_700, 6_300);
        assertThat(picks).doesNotContainKey("d2");
    }

    @Test
    void should_skip_a_cooled_down_deployment_until_its_cooldown_ends() {
        // given
        Setup setup = setup("", "weight: 1", "weight: 1");
        state.coolDown("d0", Duration.ofSeconds(5));

        // then
        assertThat(count(setup, 200, RouteRequest.first(false, -1))).containsOnlyKeys("d1");

        // and when the cooldown is over
        clock.addAndGet(5_001);
        assertThat(count(setup, 200, RouteRequest.first(false, -1))).containsKeys("d0", "d1");
    }

    @Test
    void should_refuse_with_a_429_naming_the_wait_when_every_deployment_is_cooled_down() {
        // given
        Setup setup = setup("", "weight: 1", "weight: 1");
        state.coolDown("d0", Duration.ofMillis(2_500));
        state.coolDown("d1", Duration.ofSeconds(9));

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> setup.selector.select(setup.group, RouteRequest.first(false, -1)));

        // then
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.getMessage()).startsWith("No deployments available for selected model, Try again in 3 seconds")
                .contains("model=g").contains("d0").contains("d1");
        assertThat(error.retryAfterSeconds()).hasValue(3);
    }

    @Test
    void should_use_only_the_lowest_order_while_it_is_available() {
        // given
        Setup setup = setup("", "order: 2", "order: 1", "order: 1");

        // then
        assertThat(count(setup, 300, RouteRequest.first(false, -1))).containsOnlyKeys("d1", "d2");

        // and when the order-1 deployments are cooled down
        state.coolDown("d1", Duration.ofSeconds(5));
        state.coolDown("d2", Duration.ofSeconds(5));
        assertThat(count(setup, 50, RouteRequest.first(false, -1))).containsOnlyKeys("d0");
    }

    @Test
    void should_avoid_deployments_the_request_already_tried_while_others_remain() {
        // given
        Setup setup = setup("", "weight: 100", "weight: 1", "weight: 1");

        // then
        assertThat(count(setup, 200, new RouteRequest(false, -1, Set.of("d0", "d1")))).containsOnlyKeys("d2");
        // every deployment tried: retrying one of them beats refusing
        assertThat(count(setup, 200, new RouteRequest(false, -1, Set.of("d0", "d1", "d2")))).isNotEmpty();
    }

    @Test
    void should_skip_a_deployment_at_its_max_parallel_requests() {
        // given
        Setup setup = setup("", "max_parallel_requests: 1", "max_parallel_requests: 2");
        state.callStarted("d0");
        state.callStarted("d1");

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, -1))).containsOnlyKeys("d1");

        // and when d0's call ends
        state.callEnded("d0");
        assertThat(count(setup, 200, RouteRequest.first(false, -1))).containsKeys("d0", "d1");
    }

    @Test
    void should_skip_deployments_whose_context_window_is_too_small_with_pre_call_checks() {
        // given
        String yaml = """
                model_list:
                  - model_name: g
                    litellm_params: { model: openai/small }
                    model_info: { id: d0, max_input_tokens: 100 }
                  - model_name: g
                    litellm_params: { model: openai/large }
                    model_info: { id: d1, max_input_tokens: 100000 }
                router_settings: { enable_pre_call_checks: true }
                """;
        Setup setup = setup(ConfigFiles.load(yaml));

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, 500))).containsOnlyKeys("d1");
        assertThat(count(setup, 200, RouteRequest.first(false, 50))).containsKeys("d0", "d1");
    }

    @Test
    void should_skip_an_unhealthy_deployment() {
        // given
        Setup setup = setup("", "weight: 1", "weight: 1");
        state.markHealth("d0", false);

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, -1))).containsOnlyKeys("d1");
        state.markHealth("d0", true);
        assertThat(count(setup, 200, RouteRequest.first(false, -1))).containsKeys("d0", "d1");
    }

    @Test
    void should_pick_the_deployment_with_the_fewest_calls_in_flight_with_least_busy() {
        // given
        Setup setup = setup("router_settings: { routing_strategy: least-busy }", "rpm: 1", "rpm: 1", "rpm: 1");
        state.callStarted("d0");
        state.callStarted("d0");
        state.callStarted("d2");

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, -1))).containsOnlyKeys("d1");
    }

    @Test
    void should_pick_the_fastest_deployment_and_spread_within_the_latency_buffer() {
        // given
        Setup setup = setup("router_settings: { routing_strategy: latency-based-routing }", "rpm: 1", "rpm: 1", "rpm: 1");
        state.recordLatency("d0", false, 100_000_000);
        state.recordLatency("d1", false, 30_000_000);
        state.recordLatency("d2", false, 35_000_000);
        // streams are judged by time to first token
        state.recordLatency("d0", true, 1_000_000);
        state.recordLatency("d1", true, 50_000_000);
        state.recordLatency("d2", true, 50_000_000);

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, -1))).containsOnlyKeys("d1");
        assertThat(count(setup, 100, RouteRequest.first(true, -1))).containsOnlyKeys("d0");

        // and with a 20 % buffer, d2 (35 ms against 30 ms) shares the traffic
        Setup buffered = setup("router_settings: { routing_strategy: latency-based-routing, "
                + "routing_strategy_args: { lowest_latency_buffer: 0.2 } }", "rpm: 1", "rpm: 1", "rpm: 1");
        assertThat(count(buffered, 200, RouteRequest.first(false, -1))).containsOnlyKeys("d1", "d2");
    }

    @Test
    void should_pick_the_lowest_usage_and_skip_deployments_over_their_limits_with_usage_based_routing() {
        // given
        Setup setup = setup("router_settings: { routing_strategy: usage-based-routing-v2 }",
                "tpm: 100000", "tpm: 100000", "rpm: 2");
        state.recordTokens("d0", 500);
        state.recordTokens("d1", 100);
        state.callStarted("d2");
        state.callStarted("d2");

        // then: d2 has no tokens but used its 2 requests this minute
        assertThat(count(setup, 100, RouteRequest.first(false, 10))).containsOnlyKeys("d1");

        // and a prompt larger than d1's headroom goes elsewhere
        state.recordTokens("d1", 99_950);
        assertThat(count(setup, 100, RouteRequest.first(false, 100))).containsOnlyKeys("d0");

        // and next minute the limits reset
        clock.addAndGet(60_000);
        assertThat(count(setup, 300, RouteRequest.first(false, 10))).containsKeys("d0", "d1", "d2");
    }

    @Test
    void should_pick_the_cheapest_deployment_with_cost_based_routing() {
        // given: d2 names no price and counts as $1 per token
        Setup setup = setup("router_settings: { routing_strategy: cost-based-routing }",
                "input_cost_per_token: 0.00001, output_cost_per_token: 0.00003",
                "input_cost_per_token: 0.000001, output_cost_per_token: 0.000002",
                "weight: 1");

        // then
        assertThat(count(setup, 100, RouteRequest.first(false, -1))).containsOnlyKeys("d1");
    }

    private Map<String, Integer> count(Setup setup, int draws, RouteRequest request) {
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            picks.merge(setup.selector.select(setup.group, request).id(), 1, Integer::sum);
        }
        return picks;
    }

    private Setup setup(String settings, String... params) {
        StringBuilder yaml = new StringBuilder("model_list:\n");
        for (int i = 0; i < params.length; i++) {
            yaml.append("  - model_name: g\n    litellm_params: { model: openai/m").append(i).append(", ")
                    .append(params[i]).append(" }\n    model_info: { id: d").append(i).append(" }\n");
        }
        return setup(ConfigFiles.load(yaml + settings + "\n"));
    }

    private Setup setup(GatewayConfig config) {
        ModelGroup group = ModelCatalog.from(config, ProviderTable.standard(), name -> null).group("g").orElseThrow();
        return new Setup(new DeploymentSelector(config.router(), state), group);
    }

    private record Setup(DeploymentSelector selector, ModelGroup group) {
    }
}
