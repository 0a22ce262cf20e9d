package io.llmgate.web.inference;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.AnthropicErrorShape;
import io.llmgate.web.error.ErrorResponses;

import java.nio.charset.StandardCharsets;

/**
 * How a front door's stream looks on the wire. OpenAI's: each payload as {@code data: <json>}, a final
 * {@code data: [DONE]}, a break as a data event holding an error. Anthropic's: the payloads are already
 * complete {@code event:}/{@code data:} frames, the stream simply ends after {@code message_stop}, and a break
 * is an {@code event: error} carrying Anthropic's error object.
 */
enum SseFraming {
    OPENAI {
        @Override
        byte[] event(byte[] payload) {
            byte[] frame = new byte[DATA.length + payload.length + 2];
            System.arraycopy(DATA, 0, frame, 0, DATA.length);
            System.arraycopy(payload, 0, frame, DATA.length, payload.length);
            frame[frame.length - 2] = '\n';
            frame[frame.length - 1] = '\n';
            return frame;
        }

        @Override
        byte[] end() {
            return DONE.clone();
        }

        @Override
        byte[] error(GatewayException broken) {
            return event(ErrorResponses.body(broken));
        }
    },
    ANTHROPIC {
        @Override
        byte[] event(byte[] frame) {
            return frame;
        }

        @Override
        byte[] end() {
            return new byte[0];
        }

        @Override
        byte[] error(GatewayException broken) {
            return AnthropicErrorShape.frame(broken);
        }
    };

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    /** One event as written, in one array so that each event is one write. */
    abstract byte[] event(byte[] payload);

    /** What follows the last event of a stream that ended cleanly (may be empty). */
    abstract byte[] end();

    /** The event that ends a stream which broke after it started. */
    abstract byte[] error(GatewayException broken);
}
