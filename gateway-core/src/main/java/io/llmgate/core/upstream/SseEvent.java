package io.llmgate.core.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One server-sent event as received: its {@code event:} name (null when absent) and its {@code data:}
 * lines joined by {@code \n}, kept as UTF-8 bytes so pass-through never decodes them.
 */
public record SseEvent(String event, byte[] data) {
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    /** OpenAI's end-of-stream sentinel {@code data: [DONE]}. */
    public boolean isDone() {
        return Arrays.equals(data, DONE);
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
