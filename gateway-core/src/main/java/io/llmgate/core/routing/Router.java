package io.llmgate.core.routing;

import io.llmgate.core.config.RouterSettings;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The router's parts for one configuration: its settings, the state it keeps about deployments, the
 * decision ({@link DeploymentSelector}), the cooldown, retry and fallback rules and the timer that delays retries.
 */
public record Router(RouterSettings settings, DeploymentState state, DeploymentSelector selector,
                     CooldownPolicy cooldowns, RetryRules retries, FallbackChooser fallbacks,
                     ScheduledExecutorService timer) {
    public Router {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(cooldowns, "cooldowns");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(fallbacks, "fallbacks");
        Objects.requireNonNull(timer, "timer");
    }

    public static Router of(RouterSettings settings, DeploymentState state, ScheduledExecutorService timer) {
        return new Router(settings, state, new DeploymentSelector(settings, state), new CooldownPolicy(settings, state),
                new RetryRules(settings), new FallbackChooser(settings), timer);
    }
}
