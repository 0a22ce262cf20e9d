package io.llmgate.core.provider;

import io.llmgate.core.upstream.SseEvent;

import java.util.function.Consumer;

/**
 * Turns one provider's stream events into OpenAI {@code chat.completion.chunk} payloads. One instance
 * per stream (it may keep state between events); called by one I/O thread at a time.
 */
public interface StreamTranslator {
    /**
     * @param emit receives zero or more OpenAI event payloads, in order
     * @return false once the provider signalled the end of the stream
     * @throws io.llmgate.api.error.GatewayException when the provider reports an error inside the stream; the
     *         stream then ends with that error (before the start: the call fails with it)
     */
    boolean onEvent(SseEvent event, Consumer<byte[]> emit);

    /**
     * The provider closed the stream before {@link #onEvent} returned false. Providers whose stream simply
     * ends at the close (Gemini) emit any final payloads and return true; for the others (the default) an
     * early close is a broken stream, which the client learns as an error event.
     */
    default boolean onClose(Consumer<byte[]> emit) {
        return false;
    }
}
