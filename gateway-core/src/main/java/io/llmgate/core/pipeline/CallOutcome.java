package io.llmgate.core.pipeline;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.EventStream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a call succeeded: a complete answer, or a stream whose first event has arrived.
 *
 * <p>{@code upstreamNanos} is the time spent waiting for the provider (whole answer, or first event), so
 * the gateway's own overhead is the total time minus it. {@code attempts} says how many retries and
 * fallbacks it took (the {@code x-litellm-attempted-*} headers).
 */
public sealed interface CallOutcome {
    Deployment deployment();

    long upstreamNanos();

    Attempts attempts();

    /** This outcome, reported as reached after {@code attempts}. */
    CallOutcome after(Attempts attempts);

    /** Completes when the caller has received everything (a stream's end, failure or cancellation). */
    CompletionStage<Void> finished();

    /** Retries within model groups and fallback groups tried before the answer came. */
    record Attempts(int retries, int fallbacks) {
        public static final Attempts NONE = new Attempts(0, 0);
    }

    record Answered(Deployment deployment, long upstreamNanos, String contentType, byte[] body, Attempts attempts)
            implements CallOutcome {
        private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

        public Answered(Deployment deployment, long upstreamNanos, String contentType, byte[] body) {
            this(deployment, upstreamNanos, contentType, body, Attempts.NONE);
        }

        @Override
        public CallOutcome after(Attempts attempts) {
            return new Answered(deployment, upstreamNanos, contentType, body, attempts);
        }

        @Override
        public CompletionStage<Void> finished() {
            return DONE;
        }
    }

    record Streaming(Deployment deployment, long upstreamNanos, EventStream events, Attempts attempts)
            implements CallOutcome {
        public Streaming(Deployment deployment, long upstreamNanos, EventStream events) {
            this(deployment, upstreamNanos, events, Attempts.NONE);
        }

        @Override
        public CallOutcome after(Attempts attempts) {
            return new Streaming(deployment, upstreamNanos, events, attempts);
        }

        @Override
        public CompletionStage<Void> finished() {
            return events.completion();
        }
    }
}
