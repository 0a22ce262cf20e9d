package io.llmgate.core.routing.state;

import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

import java.time.Duration;

/** The Infinispan caches that hold router state; one local cache manager per gateway instance. */
public final class StateCaches {
    static final String COOLDOWNS = "llmgate-router-cooldowns";
    static final String IN_FLIGHT = "llmgate-router-in-flight";
    static final String USAGE = "llmgate-router-usage";
    static final String LATENCIES = "llmgate-router-latencies";
    static final String FIRST_TOKEN_LATENCIES = "llmgate-router-first-token-latencies";
    static final String HEALTH = "llmgate-router-health";
    /** A minute's usage is kept one minute past its end, then expires. */
    static final Duration USAGE_TTL = Duration.ofMinutes(2);
    /** LiteLLM's latency-based routing forgets latencies after an hour ({@code routing_strategy_args.ttl}). */
    static final Duration LATENCY_TTL = Duration.ofHours(1);

    private StateCaches() {
    }

    /** A started local cache manager with the router's caches defined; the caller stops it. */
    public static EmbeddedCacheManager startLocal(String name) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        // no JMX: two deployments (or a redeployment) in one server would clash on the MBean names
        global.cacheManagerName(name).jmx().disable();
        global.cacheContainer().statistics(false);
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        ConfigurationBuilder local = new ConfigurationBuilder();
        local.statistics().disable().expiration().wakeUpInterval(30_000);
        for (String cache : new String[] {COOLDOWNS, IN_FLIGHT, USAGE, LATENCIES, FIRST_TOKEN_LATENCIES, HEALTH}) {
            manager.defineConfiguration(cache, local.build());
        }
        manager.start();
        return manager;
    }
}
