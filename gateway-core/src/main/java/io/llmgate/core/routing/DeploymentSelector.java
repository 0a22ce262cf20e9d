package io.llmgate.core.routing;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.config.RoutingParams;
import io.llmgate.core.routing.strategy.LeastBusy;
import io.llmgate.core.routing.strategy.LowestCost;
import io.llmgate.core.routing.strategy.LowestLatency;
import io.llmgate.core.routing.strategy.LowestUsage;
import io.llmgate.core.routing.strategy.SimpleShuffle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The router's decision: which deployment of a group serves the next attempt. Filters out deployments that
 * are cooled down, unhealthy, at {@code max_parallel_requests}, too small for the prompt (pre-call checks) or,
 * for the usage and cost strategies, out of {@code rpm}/{@code tpm} this minute; prefers deployments this
 * request has not tried; keeps the lowest {@code order}; then lets the strategy choose. No I/O: it reads
 * {@link DeploymentState} only.
 */
public final class DeploymentSelector {
    private final RouterSettings settings;
    private final DeploymentState state;
    private final RoutingStrategy strategy;
    private final boolean limitsUsage;

    public DeploymentSelector(RouterSettings settings, DeploymentState state) {
        this.settings = settings;
        this.state = state;
        this.strategy = switch (settings.strategy()) {
            case SIMPLE_SHUFFLE -> new SimpleShuffle();
            case LEAST_BUSY -> new LeastBusy();
            case LATENCY_BASED -> new LowestLatency(settings.lowestLatencyBuffer());
            case USAGE_BASED -> new LowestUsage();
            case COST_BASED -> new LowestCost();
        };
        this.limitsUsage = settings.strategy() == RouterSettings.Strategy.USAGE_BASED
                || settings.strategy() == RouterSettings.Strategy.COST_BASED;
    }

    /** Whether picking reads calls in flight (least-busy, or a max_parallel_requests limit somewhere). */
    public boolean readsInFlight(ModelGroup group) {
        if (settings.strategy() == RouterSettings.Strategy.LEAST_BUSY || settings.defaultMaxParallelRequests().isPresent()) {
            return true;
        }
        for (Deployment d : group.deployments()) {
            if (d.config().routing().maxParallelRequests().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether picking reads recent latencies (latency-based routing). */
    public boolean readsLatency() {
        return settings.strategy() == RouterSettings.Strategy.LATENCY_BASED;
    }

    /** Whether picking needs the prompt's token count (pre-call checks, usage limits). */
    public boolean needsPromptTokens() {
        return settings.enablePreCallChecks() || limitsUsage;
    }

    /** @throws GatewayException 429 "No deployments available" with a {@code Retry-After} when none can serve */
    public Deployment select(ModelGroup group, RouteRequest request) {
        List<Deployment> deployments = group.deployments();
        Deployment[] candidates = new Deployment[deployments.size()];
        int count = 0;
        int untried = 0;
        int lowestOrder = Integer.MAX_VALUE;
        for (Deployment d : deployments) {
            if (!available(d, request)) {
                continue;
            }
            boolean fresh = !request.tried().contains(d.id());
            // untried deployments first: a retry goes elsewhere while anything else is left
            if (fresh) {
                candidates[count] = candidates[untried];
                candidates[untried++] = d;
            } else {
                candidates[count] = d;
            }
            count++;
        }
        if (count == 0) {
            throw unavailable(group);
        }
        if (untried > 0) {
            count = untried;
        }
        for (int i = 0; i < count; i++) {
            lowestOrder = Math.min(lowestOrder, order(candidates[i]));
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (order(candidates[i]) == lowestOrder) {
                candidates[kept++] = candidates[i];
            }
        }
        return kept == 1 ? candidates[0] : strategy.pick(candidates, kept, request, state, ThreadLocalRandom.current());
    }

    private boolean available(Deployment d, RouteRequest request) {
        String id = d.id();
        if (state.cooldownUntil(id) != 0 || !state.healthy(id)) {
            return false;
        }
        RoutingParams routing = d.config().routing();
        int maxParallel = routing.maxParallelRequests().orElse(settings.defaultMaxParallelRequests().orElse(0));
        if (maxParallel > 0 && state.inFlight(id) >= maxParallel) {
            return false;
        }
        if (settings.enablePreCallChecks() && request.promptTokens() >= 0 && routing.maxInputTokens().isPresent()
                && request.promptTokens() > routing.maxInputTokens().getAsLong()) {
            return false;
        }
        return !limitsUsage || withinMinuteLimits(d, request);
    }

    private boolean withinMinuteLimits(Deployment d, RouteRequest request) {
        var params = d.config().params();
        if (params.rpm().isEmpty() && params.tpm().isEmpty()) {
            return true;
        }
        DeploymentState.MinuteUsage used = state.usage(d.id());
        if (params.rpm().isPresent() && used.requests() + 1 > params.rpm().getAsLong()) {
            return false;
        }
        return params.tpm().isEmpty() || used.tokens() + Math.max(0, request.promptTokens()) <= params.tpm().getAsLong();
    }

    private static int order(Deployment d) {
        return d.config().routing().order().orElse(Integer.MAX_VALUE);
    }

    private GatewayException unavailable(ModelGroup group) {
        long now = state.now();
        long soonest = Long.MAX_VALUE;
        List<String> cooling = new ArrayList<>();
        for (Deployment d : group.deployments()) {
            long until = state.cooldownUntil(d.id());
            if (until > now) {
                cooling.add(d.id());
                soonest = Math.min(soonest, until);
            }
        }
        // nothing cooling: the limits that excluded them (parallel calls, this minute's rpm/tpm) ease within the minute
        long waitMillis = soonest == Long.MAX_VALUE ? 60_000 - now % 60_000 : soonest - now;
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return GatewayException.withStatus(ErrorType.RATE_LIMIT, 429, "No deployments available for selected model, "
                        + "Try again in " + seconds + " seconds. Passed model=" + group.name() + ". pre-call-checks="
                        + settings.enablePreCallChecks() + ", cooldown_list=" + cooling)
                .withRetryAfter(seconds);
    }
}
