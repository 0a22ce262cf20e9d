package io.llmgate.core.routing;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.RouterSettings;

/**
 * When a failed call takes its deployment out of rotation (LiteLLM's rules): a 429, 401, 404 or timeout at
 * once; otherwise more than {@code allowed_fails} failures this minute, or more than half of this minute's
 * calls failed once there are at least {@link #MIN_VOLUME}. A group's only deployment is left in unless its
 * traffic is large, since cooling it down would refuse every caller.
 */
public final class CooldownPolicy {
    /** Calls a minute below which a group's only deployment is never cooled down. */
    static final long SINGLE_DEPLOYMENT_TRAFFIC = 1000;
    /** Calls a minute before the failure ratio counts. */
    static final long MIN_VOLUME = 5;

    private final RouterSettings settings;
    private final DeploymentState state;

    public CooldownPolicy(RouterSettings settings, DeploymentState state) {
        this.settings = settings;
        this.state = state;
    }

    /** Records the failure and cools the deployment down when the rules say so; returns whether it did. */
    public boolean onFailure(ModelGroup group, Deployment deployment, GatewayException error) {
        DeploymentState.MinuteUsage used = state.recordFailure(deployment.id());
        if (settings.disableCooldowns()
                || group.deployments().size() == 1 && used.requests() < SINGLE_DEPLOYMENT_TRAFFIC) {
            return false;
        }
        int allowed = settings.allowedFailsPolicy().getOrDefault(RetryRules.classify(error), settings.allowedFails());
        boolean coolDown = immediate(error)
                || used.failures() > allowed
                || used.requests() >= MIN_VOLUME && used.failures() * 2 > used.requests();
        if (coolDown) {
            state.coolDown(deployment.id(), deployment.config().routing().cooldownTime().orElse(settings.cooldownTime()));
        }
        return coolDown;
    }

    private static boolean immediate(GatewayException error) {
        int status = error.status();
        return status == 429 || status == 401 || status == 404 || status == 408 || error.type() == ErrorType.TIMEOUT;
    }
}
