package io.llmgate.web.inference;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.web.error.ErrorResponses;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link EventStream} as OpenAI-style SSE: each event as {@code data: <json>} flushed on its
 * own, then {@code data: [DONE]}. A stream that breaks ends with an error event and no {@code [DONE]},
 * so clients never mistake a truncated answer for a complete one. A client that goes away cancels the
 * provider call.
 */
final class SseBody {
    private static final System.Logger LOG = System.getLogger(SseBody.class.getName());
    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventStream events;

    SseBody(EventStream events) {
        this.events = events;
    }

    void write(OutputStream out) {
        try {
            byte[] payload;
            try {
                while ((payload = events.next()) != null) {
                    out.write(frame(payload));
                    out.flush();
                }
                out.write(DONE);
            } catch (GatewayException broken) {
                out.write(frame(ErrorResponses.body(broken)));
            }
            out.flush();
        } catch (IOException clientGone) {
            LOG.log(System.Logger.Level.DEBUG, "client closed the stream; cancelling the provider call");
            events.cancel();
        } catch (InterruptedException e) {
            events.cancel();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code data: <payload>\n\n} in one array, so each event is one write. */
    private static byte[] frame(byte[] payload) {
        byte[] frame = new byte[PREFIX.length + payload.length + 2];
        System.arraycopy(PREFIX, 0, frame, 0, PREFIX.length);
        System.arraycopy(payload, 0, frame, PREFIX.length, payload.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }
}
