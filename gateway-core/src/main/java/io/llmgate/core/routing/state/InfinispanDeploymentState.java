package io.llmgate.core.routing.state;

import io.llmgate.core.routing.DeploymentState;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link DeploymentState} in Infinispan caches (local to this instance for now; the cluster issue makes them
 * shared, and then has to feed the cooldown and health snapshots from cache events). Entries expire on their
 * own: cooldowns when they end, usage after its minute, latencies after {@link StateCaches#LATENCY_TTL}.
 */
public final class InfinispanDeploymentState implements DeploymentState {
    /** Latencies averaged per deployment, like LiteLLM's {@code max_latency_list_size}. */
    static final int LATENCY_SAMPLES = 10;

    private final Cache<String, Long> cooldowns;
    private final Cache<String, Integer> inFlight;
    private final Cache<String, MinuteCounts> usage;
    private final Cache<String, LatencySamples> latencies;
    private final Cache<String, LatencySamples> firstTokenLatencies;
    private final Cache<String, Boolean> health;
    private final LongSupplier clock;
    /**
     * Read-mostly views of the cooldown and health caches: the selector asks about every deployment of a group
     * on every request, and these change rarely, so they are read from an immutable snapshot replaced on each
     * write instead of one cache lookup per deployment.
     */
    private volatile Map<String, Long> cooling = Map.of();
    private volatile Set<String> unhealthy = Set.of();

    public InfinispanDeploymentState(EmbeddedCacheManager caches, LongSupplier clock) {
        this.cooldowns = caches.getCache(StateCaches.COOLDOWNS);
        this.inFlight = caches.getCache(StateCaches.IN_FLIGHT);
        this.usage = caches.getCache(StateCaches.USAGE);
        this.latencies = caches.getCache(StateCaches.LATENCIES);
        this.firstTokenLatencies = caches.getCache(StateCaches.FIRST_TOKEN_LATENCIES);
        this.health = caches.getCache(StateCaches.HEALTH);
        this.clock = clock;
    }

    @Override
    public long cooldownUntil(String deploymentId) {
        Map<String, Long> current = cooling;
        if (current.isEmpty()) {
            return 0;
        }
        Long until = current.get(deploymentId);
        return until == null || until <= clock.getAsLong() ? 0 : until;
    }

    @Override
    public void coolDown(String deploymentId, Duration duration) {
        long now = clock.getAsLong();
        long until = now + duration.toMillis();
        cooldowns.put(deploymentId, until, duration.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            Map<String, Long> next = new HashMap<>();
            cooling.forEach((id, end) -> {
                if (end > now) {
                    next.put(id, end);
                }
            });
            next.merge(deploymentId, until, Math::max);
            cooling = Map.copyOf(next);
        }
    }

    @Override
    public int inFlight(String deploymentId) {
        Integer calls = inFlight.get(deploymentId);
        return calls == null ? 0 : calls;
    }

    @Override
    public void callStarted(String deploymentId, boolean countInFlight) {
        if (countInFlight) {
            inFlight.merge(deploymentId, 1, Integer::sum);
        }
        count(deploymentId, 1, 0, 0);
    }

    @Override
    public void callEnded(String deploymentId) {
        // a count that reaches zero is removed, so idle deployments leave nothing behind
        inFlight.computeIfPresent(deploymentId, (id, calls) -> calls <= 1 ? null : calls - 1);
    }

    @Override
    public MinuteUsage usage(String deploymentId) {
        MinuteCounts counts = usage.get(deploymentId);
        return counts == null || counts.minute() != minute() ? MinuteUsage.NONE : counts.usage();
    }

    @Override
    public void recordTokens(String deploymentId, long tokens) {
        count(deploymentId, 0, 0, tokens);
    }

    @Override
    public MinuteUsage recordFailure(String deploymentId) {
        return count(deploymentId, 0, 1, 0).usage();
    }

    private MinuteCounts count(String deploymentId, long requests, long failures, long tokens) {
        return usage.merge(deploymentId, new MinuteCounts(minute(), new MinuteUsage(requests, failures, tokens)),
                MinuteCounts::plus, StateCaches.USAGE_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void recordLatency(String deploymentId, boolean firstToken, long nanos) {
        (firstToken ? firstTokenLatencies : latencies).merge(deploymentId, LatencySamples.of(nanos),
                (old, one) -> old.with(one.latest(), LATENCY_SAMPLES),
                StateCaches.LATENCY_TTL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public OptionalDouble averageLatency(String deploymentId, boolean firstToken) {
        LatencySamples samples = (firstToken ? firstTokenLatencies : latencies).get(deploymentId);
        return samples == null ? OptionalDouble.empty() : OptionalDouble.of(samples.average());
    }

    @Override
    public synchronized void markHealth(String deploymentId, boolean healthy) {
        Set<String> next = new HashSet<>(unhealthy);
        if (healthy) {
            health.remove(deploymentId);
            next.remove(deploymentId);
        } else {
            health.put(deploymentId, Boolean.FALSE);
            next.add(deploymentId);
        }
        unhealthy = Set.copyOf(next);
    }

    @Override
    public boolean healthy(String deploymentId) {
        Set<String> current = unhealthy;
        return current.isEmpty() || !current.contains(deploymentId);
    }

    @Override
    public long now() {
        return clock.getAsLong();
    }

    private long minute() {
        return clock.getAsLong() / 60_000;
    }

    /** One deployment's usage in one minute; a count of an older minute is replaced, not added to. */
    record MinuteCounts(long minute, MinuteUsage usage) {
        MinuteCounts plus(MinuteCounts next) {
            if (next.minute != minute) {
                return next.minute > minute ? next : this;
            }
            MinuteUsage add = next.usage;
            return new MinuteCounts(minute, usage.plus(add.requests(), add.failures(), add.tokens()));
        }
    }
}
