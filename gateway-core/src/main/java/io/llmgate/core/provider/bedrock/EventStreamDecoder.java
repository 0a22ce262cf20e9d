package io.llmgate.core.provider.bedrock;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.upstream.FrameDecoder;
import io.llmgate.core.upstream.SseEvent;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Cuts an {@code application/vnd.amazon.eventstream} body into messages as the bytes arrive, whatever the
 * splits: a 12-byte prelude (total length, headers length, CRC32 of the first 8 bytes), typed headers, the
 * payload, and a CRC32 of everything before it. Both checksums are verified. An {@code event} message becomes
 * {@code SseEvent(:event-type, payload)}; an {@code exception} or {@code error} message becomes
 * {@code SseEvent("exception:" + type, payload)} so the translator can fail the stream with it.
 * AWS's own decoder ({@code software.amazon.eventstream}) allocates 2 MB per stream and cannot tell whether it
 * holds a partial message, which {@link FrameDecoder} needs; this one grows with the largest message instead.
 */
final class EventStreamDecoder implements FrameDecoder {
    /** Prefix of the event name under which exception and error messages are handed on. */
    static final String EXCEPTION_PREFIX = "exception:";
    private static final int PRELUDE = 12;
    private static final int MIN_MESSAGE = PRELUDE + 4;
    /** AWS caps a message at 16 MB of payload plus 128 KB of headers. */
    private static final int MAX_MESSAGE = 16 * 1024 * 1024 + 128 * 1024 + MIN_MESSAGE;

    private final Consumer<SseEvent> sink;
    private byte[] buffer = new byte[8 * 1024];
    private int length;
    private boolean preludeChecked;

    EventStreamDecoder(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    @Override
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            int wanted = length < PRELUDE ? PRELUDE - length : totalLength() - length;
            int take = Math.min(wanted, bytes.remaining());
            bytes.get(buffer, length, take);
            length += take;
            if (length == PRELUDE && !preludeChecked) {
                checkPrelude();
            } else if (length >= PRELUDE && length == totalLength()) {
                dispatch();
                length = 0;
                preludeChecked = false;
            }
        }
    }

    @Override
    public boolean hasPartialEvent() {
        return length > 0;
    }

    private void checkPrelude() {
        int total = totalLength();
        int headers = readInt(4);
        if (crc(0, 8) != readInt(8)) {
            throw corrupt("prelude checksum mismatch");
        }
        if (total < MIN_MESSAGE || total > MAX_MESSAGE || headers < 0 || headers > total - MIN_MESSAGE) {
            throw corrupt("impossible lengths (total " + total + ", headers " + headers + ")");
        }
        if (buffer.length < total) {
            buffer = Arrays.copyOf(buffer, total);
        }
        preludeChecked = true;
    }

    private void dispatch() {
        int total = totalLength();
        if (crc(0, total - 4) != readInt(total - 4)) {
            throw corrupt("message checksum mismatch");
        }
        int headersEnd = PRELUDE + readInt(4);
        EventStreamHeaders headers = EventStreamHeaders.parse(buffer, PRELUDE, headersEnd);
        byte[] payload = Arrays.copyOfRange(buffer, headersEnd, total - 4);
        String messageType = headers.text(":message-type").orElse("event");
        switch (messageType) {
            case "event" -> sink.accept(new SseEvent(headers.text(":event-type").orElse(""), payload));
            case "exception" -> sink.accept(new SseEvent(EXCEPTION_PREFIX
                    + headers.text(":exception-type").orElse("unknownException"), payload));
            case "error" -> sink.accept(new SseEvent(EXCEPTION_PREFIX + headers.text(":error-code").orElse("unknownError"),
                    errorPayload(headers.text(":error-message").orElse(""))));
            default -> throw corrupt("unknown :message-type " + messageType);
        }
    }

    /** An {@code error} message carries its text in a header; hand it on shaped like an exception's payload. */
    private static byte[] errorPayload(String message) {
        return Json.bytes(Json.mapper().createObjectNode().put("message", message));
    }

    private int totalLength() {
        return readInt(0);
    }

    private int readInt(int at) {
        return ((buffer[at] & 0xff) << 24) | ((buffer[at + 1] & 0xff) << 16) | ((buffer[at + 2] & 0xff) << 8)
                | (buffer[at + 3] & 0xff);
    }

    private int crc(int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(buffer, from, to - from);
        return (int) crc.getValue();
    }

    static GatewayException corrupt(String why) {
        return GatewayException.upstream(ErrorType.UPSTREAM, 502,
                "bedrock sent a malformed event-stream message: " + why, true, BedrockAdapter.PROVIDER, null, null);
    }
}
