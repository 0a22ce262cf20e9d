package io.llmgate.core.hook;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * LiteLLM's {@code general_settings.global_max_parallel_requests}: at most that many calls in flight on
 * this instance (streams count until their last event); beyond it, 429. Unlimited when unset.
 */
@ApplicationScoped
public class ParallelRequestLimiter implements RateLimiter {
    private static final Permit NOTHING_HELD = () -> { };

    private final AtomicLong inFlight = new AtomicLong();
    private GatewayRuntime runtime;

    protected ParallelRequestLimiter() {
        // for CDI proxies
    }

    @Inject
    public ParallelRequestLimiter(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Permit acquire(InferenceCall call) {
        var limit = runtime.config().general().globalMaxParallelRequests();
        if (limit.isEmpty()) {
            return NOTHING_HELD;
        }
        if (inFlight.incrementAndGet() > limit.getAsLong()) {
            inFlight.decrementAndGet();
            throw GatewayException.upstream(ErrorType.RATE_LIMIT, 429, "Max parallel request limit reached ("
                    + limit.getAsLong() + " in flight on this instance); try again shortly", true,
                    "litellm_proxy", call.request().model(), null);
        }
        return inFlight::decrementAndGet;
    }
}
