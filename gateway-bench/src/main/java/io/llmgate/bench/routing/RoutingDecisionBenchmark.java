package io.llmgate.bench.routing;

import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentSelector;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.ModelGroup;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.routing.state.InfinispanDeploymentState;
import io.llmgate.core.routing.state.StateCaches;
import org.infinispan.manager.EmbeddedCacheManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The router's cost per request with 50 deployments in one group (issue 4's target: under 20 µs): the
 * decision alone ({@link DeploymentSelector#select}), and the decision plus the state bookkeeping every call
 * does (in flight, this minute's usage, latency). State is warm: latencies and usage recorded for every
 * deployment, and with {@code cooledDown = true} some deployments are cooled down, so every candidate's
 * cooldown is looked up in the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class RoutingDecisionBenchmark {
    private static final int DEPLOYMENTS = 50;

    @Param({"simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing-v2", "cost-based-routing"})
    public String strategy;

    @Param({"false", "true"})
    public boolean cooledDown;

    private EmbeddedCacheManager caches;
    private DeploymentState state;
    private DeploymentSelector selector;
    private ModelGroup group;
    private RouteRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringBuilder yaml = new StringBuilder("router_settings: { routing_strategy: ").append(strategy)
                .append(", enable_pre_call_checks: true }\nmodel_list:\n");
        for (int i = 0; i < DEPLOYMENTS; i++) {
            yaml.append("  - model_name: big-group\n    litellm_params: { model: openai/m").append(i)
                    .append(", api_base: \"http://127.0.0.1:9/v1\", rpm: 100000, tpm: 100000000, input_cost_per_token: 0.00000")
                    .append(1 + i % 9).append(" }\n    model_info: { id: d").append(i).append(", max_input_tokens: 128000 }\n");
        }
        Path file = Files.createTempFile("routing-bench", ".yaml");
        try {
            Files.writeString(file, yaml);
            GatewayConfig config = new ConfigLoader(name -> null).load(file);
            group = ModelCatalog.from(config, ProviderTable.standard(), name -> null).group("big-group").orElseThrow();
            caches = StateCaches.startLocal("routing-bench");
            state = new InfinispanDeploymentState(caches, System::currentTimeMillis);
            selector = new DeploymentSelector(config.router(), state);
        } finally {
            Files.deleteIfExists(file);
        }
        for (Deployment d : group.deployments()) {
            state.recordLatency(d.id(), false, 20_000_000 + d.id().hashCode() % 1_000_000);
            state.recordTokens(d.id(), 1_000);
        }
        if (cooledDown) {
            for (int i = 0; i < DEPLOYMENTS; i += 10) {
                state.coolDown("d" + i, Duration.ofHours(1));
            }
        }
        request = RouteRequest.first(false, 250);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        caches.stop();
    }

    @Benchmark
    public Deployment decision() {
        return selector.select(group, request);
    }

    @Benchmark
    public Deployment decisionWithBookkeeping() {
        Deployment chosen = selector.select(group, request);
        state.callStarted(chosen.id());
        state.recordLatency(chosen.id(), false, 20_000_000);
        state.callEnded(chosen.id());
        return chosen;
    }
}
