package io.llmgate.core.hook;

import io.llmgate.core.pipeline.InferenceCall;

/** Port: admits a call or refuses it with a 429. Must not block on I/O. */
public interface RateLimiter {
    /**
     * @return a permit the pipeline releases exactly once, when the call has fully finished
     * @throws io.llmgate.api.error.GatewayException (429) when a limit is reached
     */
    Permit acquire(InferenceCall call);

    @FunctionalInterface
    interface Permit {
        void release();
    }
}
