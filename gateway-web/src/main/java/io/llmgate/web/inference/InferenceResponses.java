package io.llmgate.web.inference;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.web.error.ErrorFormat;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes inference answers with LiteLLM's response headers: which deployment and model group answered,
 * the total duration, and the gateway's own overhead (total minus time spent waiting for the provider),
 * both in milliseconds. For streams the durations run to the first event.
 */
final class InferenceResponses {
    private InferenceResponses() {
    }

    static void answered(HttpServletResponse response, InferenceCall call, CallOutcome.Answered outcome)
            throws IOException {
        headers(response, call, outcome);
        write(response, 200, outcome.contentType(), outcome.body());
    }

    /** Writes the whole stream; returns when it ended, broke or the client left (which cancels the provider call). */
    static void stream(HttpServletResponse response, InferenceCall call, CallOutcome.Streaming outcome,
                       SseFraming framing) {
        headers(response, call, outcome);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        // reverse proxies (nginx) must not buffer the stream either
        response.setHeader("X-Accel-Buffering", "no");
        try {
            new SseBody(outcome.events(), framing).write(response.getOutputStream());
        } catch (IOException clientGone) {
            outcome.events().cancel();
        }
    }

    /** An error in the front door's shape, with the provider's {@code Retry-After} when it gave one. */
    static void error(HttpServletResponse response, ErrorFormat format, GatewayException error) throws IOException {
        error.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        write(response, format.status(error), "application/json", format.body(error));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    private static void headers(HttpServletResponse response, InferenceCall call, CallOutcome outcome) {
        long total = System.nanoTime() - call.receivedNanos();
        long overhead = Math.max(0, total - outcome.upstreamNanos());
        response.setHeader("x-litellm-model-id", outcome.deployment().id());
        response.setHeader("x-litellm-model-group", outcome.deployment().modelGroup());
        CallOutcome.Attempts attempts = outcome.attempts();
        response.setHeader("x-litellm-attempted-retries", count(attempts.retries()));
        response.setHeader("x-litellm-attempted-fallbacks", count(attempts.fallbacks()));
        response.setHeader("x-litellm-response-duration-ms", millis(total));
        response.setHeader("x-litellm-overhead-duration-ms", millis(overhead));
    }

    private static String count(int n) {
        return n == 0 ? "0" : Integer.toString(n);
    }

    /** Milliseconds with three decimals, e.g. {@code 0.412}; cheaper than String.format on every answer. */
    static String millis(long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
