package io.llmgate.core.pipeline;

import io.llmgate.core.auth.Caller;
import io.llmgate.core.request.InferenceRequest;

import java.util.Objects;

/**
 * One inference call as it travels the pipeline.
 *
 * @param callId        the id returned as {@code x-litellm-call-id}
 * @param receivedNanos {@link System#nanoTime()} when the gateway received the request
 */
public record InferenceCall(String callId, Caller caller, InferenceRequest request, long receivedNanos) {
    public InferenceCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(request, "request");
    }
}
