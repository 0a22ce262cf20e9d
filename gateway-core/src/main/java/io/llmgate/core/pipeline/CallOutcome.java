package io.llmgate.core.pipeline;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.EventStream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a call succeeded: a complete answer, or a stream whose first event has arrived.
 *
 * <p>{@code upstreamNanos} is the time spent waiting for the provider (whole answer, or first event), so
 * the gateway's own overhead is the total time minus it.
 */
public sealed interface CallOutcome {
    Deployment deployment();

    long upstreamNanos();

    /** Completes when the caller has received everything (a stream's end, failure or cancellation). */
    CompletionStage<Void> finished();

    record Answered(Deployment deployment, long upstreamNanos, String contentType, byte[] body) implements CallOutcome {
        private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

        @Override
        public CompletionStage<Void> finished() {
            return DONE;
        }
    }

    record Streaming(Deployment deployment, long upstreamNanos, EventStream events) implements CallOutcome {
        @Override
        public CompletionStage<Void> finished() {
            return events.completion();
        }
    }
}
