package io.llmgate.core.upstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental server-sent-events parser: accepts bytes in whatever pieces the network delivers and
 * emits each complete event as soon as its blank line arrives. Handles LF, CRLF and CR line ends,
 * comments, and multi-line data. Not thread-safe: one instance per stream, fed by one thread at a time.
 */
public final class SseParser implements FrameDecoder {
    private final Consumer<SseEvent> sink;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    private String eventName;
    private boolean lastWasCr;

    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    @Override
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    @Override
    public boolean hasPartialEvent() {
        return lineLength > 0 || hasData;
    }

    private void endLine() {
        if (lineLength == 0) {
            dispatch();
            return;
        }
        if (line[0] != ':') {
            int colon = indexOf(line, lineLength, (byte) ':');
            int nameEnd = colon < 0 ? lineLength : colon;
            int valueStart = colon < 0 ? lineLength : colon + 1;
            if (valueStart < lineLength && line[valueStart] == ' ') {
                valueStart++;
            }
            if (is("data", nameEnd)) {
                appendData(valueStart);
            } else if (is("event", nameEnd)) {
                eventName = new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8);
            }
            // id: and retry: carry nothing the gateway forwards
        }
        lineLength = 0;
    }

    private void appendData(int from) {
        int length = lineLength - from;
        int needed = dataLength + length + (hasData ? 1 : 0);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(line, from, data, dataLength, length);
        dataLength += length;
        hasData = true;
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new SseEvent(eventName, Arrays.copyOf(data, dataLength)));
        }
        hasData = false;
        dataLength = 0;
        eventName = null;
    }

    private boolean is(String field, int nameEnd) {
        if (nameEnd != field.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (line[i] != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte target) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
