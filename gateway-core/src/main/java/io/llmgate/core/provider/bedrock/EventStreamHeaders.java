package io.llmgate.core.provider.bedrock;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The headers of one event-stream message. Only string values are kept ({@code :event-type},
 * {@code :message-type}, {@code :exception-type}, ...); values of the other types are skipped by their size.
 */
final class EventStreamHeaders {
    private static final int BOOL_TRUE = 0;
    private static final int BOOL_FALSE = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int BYTES = 6;
    private static final int STRING = 7;
    private static final int TIMESTAMP = 8;
    private static final int UUID = 9;

    private final Map<String, String> strings;

    private EventStreamHeaders(Map<String, String> strings) {
        this.strings = strings;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    /** Reads every header in {@code bytes[from, to)}. */
    static EventStreamHeaders parse(byte[] bytes, int from, int to) {
        Map<String, String> strings = new HashMap<>(4);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        try {
            while (in.hasRemaining()) {
                byte[] name = new byte[in.get() & 0xff];
                in.get(name);
                int type = in.get();
                switch (type) {
                    case BOOL_TRUE, BOOL_FALSE -> { } // the type is the value
                    case BYTE -> in.get();
                    case SHORT -> in.getShort();
                    case INT -> in.getInt();
                    case LONG, TIMESTAMP -> in.getLong();
                    case UUID -> in.position(in.position() + 16);
                    case BYTES, STRING -> {
                        byte[] value = new byte[in.getShort() & 0xffff];
                        in.get(value);
                        if (type == STRING) {
                            strings.put(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
                        }
                    }
                    default -> throw EventStreamDecoder.corrupt("unknown header value type " + type);
                }
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw EventStreamDecoder.corrupt("headers overrun their declared length");
        }
        return new EventStreamHeaders(strings);
    }
}
