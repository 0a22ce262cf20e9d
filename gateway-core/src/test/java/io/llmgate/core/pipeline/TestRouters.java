package io.llmgate.core.pipeline;

import io.llmgate.core.config.RouterSettings;
import io.llmgate.core.routing.Router;
import io.llmgate.core.routing.state.InfinispanDeploymentState;
import io.llmgate.core.routing.state.StateCaches;
import org.infinispan.manager.EmbeddedCacheManager;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Routers for tests: each with its own local state caches, so no test sees another's cooldowns. */
public final class TestRouters {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-router-timer");
        thread.setDaemon(true);
        return thread;
    });

    private TestRouters() {
    }

    public static Router fresh(RouterSettings settings) {
        return Router.of(settings, state(System::currentTimeMillis), TIMER);
    }

    /** Fresh state on {@code clock} (epoch millis), for tests that move time. */
    public static InfinispanDeploymentState state(LongSupplier clock) {
        EmbeddedCacheManager caches = StateCaches.startLocal("test-router-" + NAMES.incrementAndGet());
        return new InfinispanDeploymentState(caches, clock);
    }
}
