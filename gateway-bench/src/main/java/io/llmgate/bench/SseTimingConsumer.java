package io.llmgate.bench;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent-event body as it arrives and notes when each {@code data:} event was
 * complete, without keeping the payloads. Events that arrive in the same network read get the same
 * time, which is how coalesced chunks show up.
 */
final class SseTimingConsumer extends AbstractBinResponseConsumer<SseTimingConsumer.Trace> {
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final int KEPT_LINE_BYTES = 256;

    /**
     * @param status     HTTP status
     * @param eventNanos arrival time of each {@code data:} event except {@code [DONE]}
     * @param done       whether {@code data: [DONE]} arrived
     * @param endNanos   when the body ended
     * @param firstLine  the start of the first body line, for error reports
     * @param lastData   the start of the last {@code data:} line, for error reports (a broken stream ends with its error)
     */
    record Trace(int status, long[] eventNanos, boolean done, long endNanos, String firstLine, String lastData) {
    }

    private int status;
    private long[] events = new long[16];
    private int eventCount;
    private boolean done;
    private long endNanos;
    private String firstLine;
    private String lastData = "";
    /** The start of the current line: enough to recognise {@code data:} and {@code [DONE]}. */
    private final byte[] line = new byte[KEPT_LINE_BYTES];
    private int lineLength;
    private boolean eventHasData;
    private boolean eventIsDone;

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        status = response.getCode();
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
        long now = System.nanoTime();
        while (src.hasRemaining()) {
            byte b = src.get();
            if (b == '\n') {
                endOfLine(now);
            } else if (b != '\r') {
                if (lineLength < KEPT_LINE_BYTES) {
                    line[lineLength] = b;
                }
                lineLength++;
            }
        }
        if (endOfStream) {
            endNanos = now;
        }
    }

    private void endOfLine(long now) {
        if (firstLine == null && lineLength > 0) {
            firstLine = new String(line, 0, Math.min(lineLength, KEPT_LINE_BYTES), StandardCharsets.UTF_8);
        }
        if (lineLength == 0) { // a blank line ends the event
            if (eventHasData && eventIsDone) {
                done = true;
            } else if (eventHasData) {
                addEvent(now);
            }
            eventHasData = false;
            eventIsDone = false;
        } else if (startsWith(DATA, 0)) {
            eventHasData = true;
            lastData = new String(line, 0, Math.min(lineLength, KEPT_LINE_BYTES), StandardCharsets.UTF_8);
            int payload = DATA.length;
            while (payload < lineLength && payload < KEPT_LINE_BYTES && line[payload] == ' ') {
                payload++;
            }
            eventIsDone = lineLength - payload == DONE.length && startsWith(DONE, payload);
        }
        lineLength = 0;
    }

    private boolean startsWith(byte[] prefix, int at) {
        if (lineLength < at + prefix.length || KEPT_LINE_BYTES < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void addEvent(long now) {
        if (eventCount == events.length) {
            events = java.util.Arrays.copyOf(events, events.length * 2);
        }
        events[eventCount++] = now;
    }

    @Override
    protected Trace buildResult() {
        if (firstLine == null && lineLength > 0) { // an error body is one JSON line without a line end
            firstLine = new String(line, 0, Math.min(lineLength, KEPT_LINE_BYTES), StandardCharsets.UTF_8);
        }
        return new Trace(status, java.util.Arrays.copyOf(events, eventCount), done,
                endNanos == 0 ? System.nanoTime() : endNanos, firstLine == null ? "" : firstLine, lastData);
    }

    @Override
    public void releaseResources() {
        // nothing pooled
    }
}
