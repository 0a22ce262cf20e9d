package io.llmgate.web.inference;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.upstream.EventStream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@link EventStream} as SSE in its front door's {@link SseFraming}, each event flushed on its own
 * (OpenAI's by default: {@code data: <json>} events, then {@code data: [DONE]}). A stream that breaks ends
 * with an error event and no end marker, so clients never mistake a truncated answer for a complete one. A
 * client that goes away cancels the provider call.
 */
final class SseBody {
    private static final System.Logger LOG = System.getLogger(SseBody.class.getName());

    private final EventStream events;
    private final SseFraming framing;

    SseBody(EventStream events) {
        this(events, SseFraming.OPENAI);
    }

    SseBody(EventStream events, SseFraming framing) {
        this.events = events;
        this.framing = framing;
    }

    void write(OutputStream out) {
        try {
            byte[] payload;
            try {
                while ((payload = events.next()) != null) {
                    out.write(framing.event(payload));
                    out.flush();
                }
                out.write(framing.end());
            } catch (GatewayException broken) {
                out.write(framing.error(broken));
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
}
