package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Anthropic's stream events: the JSON of each event type and its SSE frame. The frame is what travels on
 * the gateway's event stream for this front door, so the web layer writes it unchanged.
 */
public final class AnthropicEvents {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

    private AnthropicEvents() {
    }

    /**
     * {@code event: <name>\ndata: <data>\n\n}, or a data-only frame when {@code name} is null. Data holding line
     * breaks (a multi-line event as the parser joined it) gets one {@code data:} line per line, as received.
     */
    public static byte[] frame(String name, byte[] data) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length + 40);
        if (name != null) {
            frame.writeBytes(("event: " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        int lineStart = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                frame.writeBytes(DATA);
                frame.write(data, lineStart, i - lineStart);
                frame.write('\n');
                lineStart = i + 1;
            }
        }
        frame.write('\n');
        return frame.toByteArray();
    }

    /** The frame of an event whose name is its {@code type}, as Anthropic names every event. */
    public static byte[] frame(ObjectNode event) {
        return frame(event.path("type").asText(), Json.bytes(event));
    }

    static ObjectNode messageStart(String id, String model, JsonNode usage) {
        ObjectNode event = event("message_start");
        ObjectNode message = event.putObject("message")
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant");
        message.putArray("content");
        message.put("model", model).putNull("stop_reason").putNull("stop_sequence");
        message.set("usage", usage);
        return event;
    }

    static ObjectNode contentBlockStart(int index, ObjectNode block) {
        ObjectNode event = event("content_block_start").put("index", index);
        event.set("content_block", block);
        return event;
    }

    /** A delta of {@code deltaType} ({@code text_delta}, {@code thinking_delta}, {@code input_json_delta}). */
    static ObjectNode contentBlockDelta(int index, String deltaType, String field, String value) {
        ObjectNode event = event("content_block_delta").put("index", index);
        event.putObject("delta").put("type", deltaType).put(field, value);
        return event;
    }

    static ObjectNode contentBlockStop(int index) {
        return event("content_block_stop").put("index", index);
    }

    static ObjectNode messageDelta(String stopReason, JsonNode usage) {
        ObjectNode event = event("message_delta");
        event.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        event.set("usage", usage);
        return event;
    }

    static ObjectNode messageStop() {
        return event("message_stop");
    }

    private static ObjectNode event(String type) {
        return Json.mapper().createObjectNode().put("type", type);
    }
}
