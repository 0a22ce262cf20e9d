package io.llmgate.core.routing.state;

import io.llmgate.core.routing.DeploymentState;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@link DeploymentState} in Infinispan caches (local to this instance for now; the cluster issue makes them
 * shared). Entries expire on their own: cooldowns when they end, usage after its minute, latencies after
 * {@link StateCaches#LATENCY_TTL}.
 */
public final class InfinispanDeploymentState implements DeploymentState {
    /** Latencies averaged per deployment, like LiteLLM's {@code max_latency_list_size}. */
    static final int LATENCY_SAMPLES = 10;

    private final Cache<String, Long> cooldowns;
    private final Cache<String, Integer> inFlight;
    private final Cache<String, MinuteUsage> usage;
    private final Cache<String, LatencySamples> latencies;
    private final Cache<String, Boolean> health;
    private final LongSupplier clock;
    /** The latest cooldown end written here: while it is past, no lookup is needed (the common case). */
    private final AtomicLong lastCooldownEnd = new AtomicLong();

    public InfinispanDeploymentState(EmbeddedCacheManager caches, LongSupplier clock) {
        this.cooldowns = caches.getCache(StateCaches.COOLDOWNS);
        this.inFlight = caches.getCache(StateCaches.IN_FLIGHT);
        this.usage = caches.getCache(StateCaches.USAGE);
        this.latencies = caches.getCache(StateCaches.LATENCIES);
        this.health = caches.getCache(StateCaches.HEALTH);
        this.clock = clock;
    }

    @Override
    public long cooldownUntil(String deploymentId) {
        long now = clock.getAsLong();
        if (lastCooldownEnd.get() <= now) {
            return 0;
        }
        Long until = cooldowns.get(deploymentId);
        return until == null || until <= now ? 0 : until;
    }

    @Override
    public void coolDown(String deploymentId, Duration duration) {
        long until = clock.getAsLong() + duration.toMillis();
        cooldowns.put(deploymentId, until, duration.toMillis(), TimeUnit.MILLISECONDS);
        lastCooldownEnd.accumulateAndGet(until, Math::max);
    }

    @Override
    public int inFlight(String deploymentId) {
        Integer calls = inFlight.get(deploymentId);
        return calls == null ? 0 : calls;
    }

    @Override
    public void callStarted(String deploymentId) {
        inFlight.merge(deploymentId, 1, Integer::sum);
        usage.merge(minuteKey(deploymentId), new MinuteUsage(1, 0, 0), InfinispanDeploymentState::add,
                StateCaches.USAGE_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void callEnded(String deploymentId) {
        // a count that reaches zero is removed, so idle deployments leave nothing behind
        inFlight.computeIfPresent(deploymentId, (id, calls) -> calls <= 1 ? null : calls - 1);
    }

    @Override
    public MinuteUsage usage(String deploymentId) {
        MinuteUsage current = usage.get(minuteKey(deploymentId));
        return current == null ? MinuteUsage.NONE : current;
    }

    @Override
    public void recordTokens(String deploymentId, long tokens) {
        usage.merge(minuteKey(deploymentId), new MinuteUsage(0, 0, tokens), InfinispanDeploymentState::add,
                StateCaches.USAGE_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public MinuteUsage recordFailure(String deploymentId) {
        return usage.merge(minuteKey(deploymentId), new MinuteUsage(0, 1, 0), InfinispanDeploymentState::add,
                StateCaches.USAGE_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void recordLatency(String deploymentId, boolean firstToken, long nanos) {
        latencies.merge(latencyKey(deploymentId, firstToken), LatencySamples.of(nanos),
                (old, one) -> old.with(one.latest(), LATENCY_SAMPLES),
                StateCaches.LATENCY_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public OptionalDouble averageLatency(String deploymentId, boolean firstToken) {
        LatencySamples samples = latencies.get(latencyKey(deploymentId, firstToken));
        return samples == null ? OptionalDouble.empty() : OptionalDouble.of(samples.average());
    }

    @Override
    public void markHealth(String deploymentId, boolean healthy) {
        if (healthy) {
            health.remove(deploymentId);
        } else {
            health.put(deploymentId, Boolean.FALSE);
        }
    }

    @Override
    public boolean healthy(String deploymentId) {
        return health.isEmpty() || health.get(deploymentId) == null;
    }

    @Override
    public long now() {
        return clock.getAsLong();
    }

    private String minuteKey(String deploymentId) {
        return deploymentId + '@' + clock.getAsLong() / 60_000;
    }

    private static String latencyKey(String deploymentId, boolean firstToken) {
        return firstToken ? deploymentId + "#ttft" : deploymentId;
    }

    private static MinuteUsage add(MinuteUsage a, MinuteUsage b) {
        return a.plus(b.requests(), b.failures(), b.tokens());
    }
}
