package io.llmgate.core.config;

import io.llmgate.core.config.RouterSettings.ErrorClass;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterSettingsReaderTest {
    @Test
    void should_default_to_litellms_router_settings() {
        // when
        RouterSettings router = ConfigFiles.load("model_list: []").router();

        // then
        assertThat(router.strategy()).isEqualTo(RouterSettings.Strategy.SIMPLE_SHUFFLE);
        assertThat(router.numRetries()).isEqualTo(2);
        assertThat(router.allowedFails()).isEqualTo(3);
        assertThat(router.cooldownTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(router.maxFallbacks()).isEqualTo(5);
        assertThat(router.fallbacks()).isEqualTo(RouterSettings.FallbackRules.NONE);
    }

    @Test
    void should_read_every_router_setting() {
        // when
        RouterSettings router = ConfigFiles.load("""
                router_settings:
                  routing_strategy: latency-based-routing
                  routing_strategy_args: { lowest_latency_buffer: 0.5 }
                  num_retries: 4
                  retry_after: 0.25
                  retry_policy: { RateLimitErrorRetries: 6, BadRequestErrorRetries: 1 }
                  allowed_fails: 7
                  allowed_fails_policy: { InternalServerErrorAllowedFails: 20 }
                  cooldown_time: 30
                  disable_cooldowns: true
                  fallbacks: [ { gpt-4o: [ claude, gemini ] }, { "*": [ backup ] } ]
                  context_window_fallbacks: [ { gpt-4o: [ gpt-4o-long ] } ]
                  content_policy_fallbacks: [ { gpt-4o: [ lenient ] } ]
                  default_fallbacks: [ safe ]
                  max_fallbacks: 2
                  timeout: 45
                  stream_timeout: 8
                  enable_pre_call_checks: true
                  model_group_alias: { gpt4: gpt-4o, hidden-one: { model: claude, hidden: true } }
                  default_max_parallel_requests: 12
                """).router();

        // then
        assertThat(router.strategy()).isEqualTo(RouterSettings.Strategy.LATENCY_BASED);
        assertThat(router.lowestLatencyBuffer()).isEqualTo(0.5);
        assertThat(router.numRetries()).isEqualTo(4);
        assertThat(router.retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(router.retryPolicy()).isEqualTo(Map.of(ErrorClass.RATE_LIMIT, 6, ErrorClass.BAD_REQUEST, 1));
        assertThat(router.retriesFor(ErrorClass.RATE_LIMIT)).isEqualTo(6);
        assertThat(router.retriesFor(ErrorClass.TIMEOUT)).isEqualTo(4);
        assertThat(router.allowedFails()).isEqualTo(7);
        assertThat(router.allowedFailsPolicy()).isEqualTo(Map.of(ErrorClass.INTERNAL_SERVER, 20));
        assertThat(router.cooldownTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(router.disableCooldowns()).isTrue();
        assertThat(router.fallbacks().general()).isEqualTo(Map.of("gpt-4o", List.of("claude", "gemini"), "*", List.of("backup")));
        assertThat(router.fallbacks().contextWindow()).isEqualTo(Map.of("gpt-4o", List.of("gpt-4o-long")));
        assertThat(router.fallbacks().contentPolicy()).isEqualTo(Map.of("gpt-4o", List.of("lenient")));
        assertThat(router.fallbacks().defaults()).containsExactly("safe");
        assertThat(router.maxFallbacks()).isEqualTo(2);
        assertThat(router.timeout()).contains(Duration.ofSeconds(45));
        assertThat(router.streamTimeout()).contains(Duration.ofSeconds(8));
        assertThat(router.enablePreCallChecks()).isTrue();
        assertThat(router.modelGroupAlias()).containsEntry("gpt4", new RouterSettings.GroupAlias("gpt-4o", false))
                .containsEntry("hidden-one", new RouterSettings.GroupAlias("claude", true));
        assertThat(router.defaultMaxParallelRequests()).hasValue(12);
    }

    @Test
    void should_take_litellm_settings_where_router_settings_is_silent() {
        // when
        RouterSettings router = ConfigFiles.load("""
                litellm_settings:
                  num_retries: 1
                  allowed_fails: 9
                  fallbacks: [ { a: [ b ] } ]
                  request_timeout: 600
                router_settings:
                  allowed_fails: 2
                """).router();

        // then
        assertThat(router.numRetries()).isEqualTo(1);
        assertThat(router.allowedFails()).isEqualTo(2);
        assertThat(router.fallbacks().general()).isEqualTo(Map.of("a", List.of("b")));
        assertThat(router.timeout()).contains(Duration.ofSeconds(600));
    }

    @Test
    void should_accept_usage_based_routing_as_the_v2_strategy() {
        assertThat(ConfigFiles.load("router_settings: { routing_strategy: usage-based-routing }").router().strategy())
                .isEqualTo(RouterSettings.Strategy.USAGE_BASED);
    }

    @Test
    void should_name_the_field_of_a_bad_value() {
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { routing_strategy: fastest }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.routing_strategy")
                .hasMessageContaining("fastest");
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { num_retries: lots }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.num_retries");
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { fallbacks: { a: b } }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.fallbacks must be a list");
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { fallbacks: [ { a: [ 1 ] } ] }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.fallbacks[0].a");
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { retry_policy: { OopsRetries: 1 } }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.retry_policy.OopsRetries");
        assertThatThrownBy(() -> ConfigFiles.load("router_settings: { cooldown_time: -1 }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("router_settings.cooldown_time");
    }

    @Test
    void should_read_a_deployments_routing_params() {
        // when
        RoutingParams routing = ConfigFiles.load("""
                model_list:
                  - model_name: g
                    litellm_params: { model: openai/x, order: 2, max_parallel_requests: 4, cooldown_time: 9,
                                      input_cost_per_token: 0.001 }
                    model_info: { max_input_tokens: 8192, output_cost_per_token: 0.002 }
                """).models().get(0).routing();

        // then
        assertThat(routing.order()).hasValue(2);
        assertThat(routing.maxParallelRequests()).hasValue(4);
        assertThat(routing.cooldownTime()).contains(Duration.ofSeconds(9));
        assertThat(routing.maxInputTokens()).hasValue(8192);
        assertThat(routing.inputCostPerToken()).hasValue(0.001);
        assertThat(routing.outputCostPerToken()).hasValue(0.002);
    }
}
