package io.llmgate.core.routing;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.pipeline.TestRouters;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CooldownPolicyTest {
    private static final GatewayException RATE_LIMITED = error(ErrorType.RATE_LIMIT, 429);
    private static final GatewayException SERVER_ERROR = error(ErrorType.UPSTREAM, 500);

    private final AtomicLong clock = new AtomicLong(5_000_000L);
    private final DeploymentState state = TestRouters.state(clock::get);

    @Test
    void should_cool_down_at_once_on_a_rate_limit_an_auth_failure_a_404_or_a_timeout() {
        for (GatewayException error : new GatewayException[] {RATE_LIMITED, error(ErrorType.AUTHENTICATION, 401),
                error(ErrorType.NOT_FOUND, 404), error(ErrorType.TIMEOUT, 408)}) {
            // given
            Fixture f = fixture("", 2);
            DeploymentState fresh = f.state;

            // when
            boolean cooled = f.policy.onFailure(f.group, f.group.deployments().get(0), error);

            // then
            assertThat(cooled).as("status %d", error.status()).isTrue();
            assertThat(fresh.cooldownUntil("d0")).isEqualTo(fresh.now() + 5_000);
        }
    }

    @Test
    void should_cool_down_after_more_than_allowed_fails_in_a_minute() {
        // given: allowed_fails 2; d0 serves enough calls that the failure ratio stays under half
        Fixture f = fixture("router_settings: { allowed_fails: 2, cooldown_time: 7 }", 2);
        Deployment d0 = f.group.deployments().get(0);
        for (int i = 0; i < 20; i++) {
            f.state.callStarted("d0");
        }

        // when / then
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isFalse();
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isFalse();
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isTrue();
        assertThat(f.state.cooldownUntil("d0")).isEqualTo(clock.get() + 7_000);

        // and the next minute starts afresh
        clock.addAndGet(60_000 + 7_000);
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isFalse();
    }

    @Test
    void should_cool_down_when_over_half_of_the_minutes_calls_failed_at_minimum_volume() {
        // given: allowed_fails high, so only the ratio can trigger
        Fixture f = fixture("router_settings: { allowed_fails: 100 }", 2);
        Deployment d0 = f.group.deployments().get(0);
        for (int i = 0; i < 5; i++) {
            f.state.callStarted("d0");
        }

        // when / then: 2 of 5 failed is not over half, 3 of 5 is
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isFalse();
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isFalse();
        assertThat(f.policy.onFailure(f.group, d0, SERVER_ERROR)).isTrue();
    }

    @Test
    void should_not_cool_down_a_groups_only_deployment_on_light_traffic() {
        // given
        Fixture f = fixture("", 1);

        // when
        boolean cooled = f.policy.onFailure(f.group, f.group.deployments().get(0), RATE_LIMITED);

        // then
        assertThat(cooled).isFalse();
        assertThat(f.state.cooldownUntil("d0")).isZero();
    }

    @Test
    void should_never_cool_down_with_disable_cooldowns() {
        // given
        Fixture f = fixture("router_settings: { disable_cooldowns: true }", 2);

        // then
        assertThat(f.policy.onFailure(f.group, f.group.deployments().get(0), RATE_LIMITED)).isFalse();
    }

    @Test
    void should_use_the_deployments_own_cooldown_time() {
        // given
        GatewayConfig config = ConfigFiles.load("""
                model_list:
                  - model_name: g
                    litellm_params: { model: openai/a, cooldown_time: 42 }
                    model_info: { id: d0 }
                  - model_name: g
                    litellm_params: { model: openai/b }
                """);
        Fixture f = new Fixture(config, state);

        // when
        f.policy.onFailure(f.group, f.group.deployments().get(0), RATE_LIMITED);

        // then
        assertThat(state.cooldownUntil("d0")).isEqualTo(clock.get() + 42_000);
    }

    private Fixture fixture(String settings, int deployments) {
        StringBuilder yaml = new StringBuilder("model_list:\n");
        for (int i = 0; i < deployments; i++) {
            yaml.append("  - model_name: g\n    litellm_params: { model: openai/m").append(i)
                    .append(" }\n    model_info: { id: d").append(i).append(" }\n");
        }
        return new Fixture(ConfigFiles.load(yaml + settings + "\n"), TestRouters.state(clock::get));
    }

    private static GatewayException error(ErrorType type, int status) {
        return GatewayException.upstream(type, status, "failed", status >= 429, "openai", "m", null);
    }

    private record Fixture(ModelGroup group, CooldownPolicy policy, DeploymentState state) {
        Fixture(GatewayConfig config, DeploymentState state) {
            this(ModelCatalog.from(config, ProviderTable.standard(), name -> null).group("g").orElseThrow(),
                    new CooldownPolicy(config.router(), state), state);
        }
    }
}
