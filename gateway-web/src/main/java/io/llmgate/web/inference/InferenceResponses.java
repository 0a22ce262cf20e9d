package io.llmgate.web.inference;

import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.ws.rs.core.Response;

/**
 * Successful inference answers with LiteLLM's response headers: which deployment and model group
 * answered, the total duration, and the gateway's own overhead (total minus time spent waiting for
 * the provider), both in milliseconds. For streams the durations run to the first event.
 */
final class InferenceResponses {
    private InferenceResponses() {
    }

    static Response answered(InferenceCall call, CallOutcome.Answered outcome) {
        return withHeaders(Response.ok(outcome.body(), outcome.contentType()), call, outcome)
                .header("Content-Length", outcome.body().length)
                .build();
    }

    static Response streaming(InferenceCall call, CallOutcome.Streaming outcome, SseBody body) {
        return withHeaders(Response.ok(body, "text/event-stream"), call, outcome)
                .header("Cache-Control", "no-cache")
                // reverse proxies (nginx) must not buffer the stream either
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder, InferenceCall call,
                                                        CallOutcome outcome) {
        long total = System.nanoTime() - call.receivedNanos();
        long overhead = Math.max(0, total - outcome.upstreamNanos());
        return builder
                .header("x-litellm-model-id", outcome.deployment().id())
                .header("x-litellm-model-group", outcome.deployment().modelGroup())
                .header("x-litellm-response-duration-ms", millis(total))
                .header("x-litellm-overhead-duration-ms", millis(overhead));
    }

    /** Milliseconds with three decimals, e.g. {@code 0.412}; cheaper than String.format on every answer. */
    static String millis(long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
