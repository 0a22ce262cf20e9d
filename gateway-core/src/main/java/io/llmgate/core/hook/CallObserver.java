package io.llmgate.core.hook;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;

/**
 * SPI for observe-only concerns (spend, logs, metrics). Called on the thread that completed the call,
 * often an I/O thread: implementations must be quick and hand real work to their own executor.
 * Order per call: {@code onRequest}, then exactly one of {@code onResponse} or {@code onError}.
 */
public interface CallObserver {
    default void onRequest(InferenceCall call) {
    }

    /** The caller has received everything (for streams: after the last event). */
    default void onResponse(InferenceCall call, CallOutcome outcome) {
    }

    default void onError(InferenceCall call, GatewayException error) {
    }
}
