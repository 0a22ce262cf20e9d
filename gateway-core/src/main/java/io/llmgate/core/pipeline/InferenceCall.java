package io.llmgate.core.pipeline;

import io.llmgate.core.auth.Caller;
import io.llmgate.core.request.InferenceRequest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One inference call as it travels the pipeline.
 *
 * @param callId        the id returned as {@code x-litellm-call-id}
 * @param receivedNanos    {@link System#nanoTime()} when the gateway received the request
 * @param requestedTimeout the caller's {@code x-litellm-timeout}, in force unless the body names a {@code timeout}
 */
public record InferenceCall(String callId, Caller caller, InferenceRequest request, long receivedNanos,
                            Optional<Duration> requestedTimeout) {
    public InferenceCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestedTimeout, "requestedTimeout");
    }

    /** A call without an {@code x-litellm-timeout} header. */
    public InferenceCall(String callId, Caller caller, InferenceRequest request, long receivedNanos) {
        this(callId, caller, request, receivedNanos, Optional.empty());
    }
}
