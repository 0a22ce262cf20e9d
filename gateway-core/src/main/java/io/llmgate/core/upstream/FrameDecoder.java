package io.llmgate.core.upstream;

import java.nio.ByteBuffer;

/**
 * Cuts a provider's streamed body into events as the bytes arrive. Server-sent events
 * ({@link SseParser}) are the common framing; a provider with a binary framing (AWS event-stream)
 * supplies its own decoder through {@link io.llmgate.core.provider.ProviderAdapter#frameDecoder}.
 * One instance per stream, fed by one thread at a time.
 */
public interface FrameDecoder {
    /** Consumes all of {@code bytes}, emitting every event that completes. */
    void feed(ByteBuffer bytes);

    /** True when bytes of an unfinished event are held (the stream ended mid-event). */
    boolean hasPartialEvent();
}
