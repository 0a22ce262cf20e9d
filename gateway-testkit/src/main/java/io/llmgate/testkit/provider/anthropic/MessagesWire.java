package io.llmgate.testkit.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Text and tool-call replies as Anthropic writes them: a whole {@code message} object, or the event stream
 * {@code message_start, content_block_start, ping, content_block_delta..., content_block_stop, message_delta,
 * message_stop} with the input tokens in {@code message_start} and the output tokens in {@code message_delta}.
 */
final class MessagesWire {
    private MessagesWire() {
    }

    static void message(HttpExchange exchange, String id, String model, Reply reply) throws IOException {
        ObjectNode message = envelope(id, model);
        if (reply instanceof Reply.Text text) {
            message.putArray("content").addObject().put("type", "text").put("text", text.text());
            message.put("stop_reason", "end_turn");
            message.set("usage", usage(text.promptTokens(), text.completionTokens()));
        } else if (reply instanceof Reply.ToolCall call) {
            ObjectNode toolUse = message.putArray("content").addObject().put("type", "tool_use")
                    .put("id", call.id()).put("name", call.name());
            toolUse.set("input", Replies.JSON.readTree(call.argumentsJson()));
            message.put("stop_reason", "tool_use");
            message.set("usage", usage(call.promptTokens(), call.completionTokens()));
        } else {
            throw new IllegalArgumentException("not a message reply: " + reply);
        }
        message.putNull("stop_sequence");
        Replies.json(exchange, 200, message);
    }

    static void stream(HttpExchange exchange, String id, String model, Reply reply) throws IOException {
        try (OutputStream out = Replies.openEventStream(exchange)) {
            if (reply instanceof Reply.Text text) {
                start(out, id, model, text.promptTokens());
                blockStart(out, Replies.JSON.createObjectNode().put("type", "text").put("text", ""));
                Replies.event(out, "ping", type("ping"));
                for (String piece : Replies.split(text.text(), text.chunks())) {
                    delta(out, Replies.JSON.createObjectNode().put("type", "text_delta").put("text", piece));
                }
                end(out, "end_turn", text.completionTokens());
            } else if (reply instanceof Reply.ToolCall call) {
                start(out, id, model, call.promptTokens());
                ObjectNode toolUse = Replies.JSON.createObjectNode().put("type", "tool_use").put("id", call.id())
                        .put("name", call.name());
                toolUse.putObject("input");
                blockStart(out, toolUse);
                Replies.event(out, "ping", type("ping"));
                String arguments = call.argumentsJson();
                // Anthropic opens with an empty fragment, then sends the JSON in pieces
                for (String piece : List.of("", arguments.substring(0, arguments.length() / 2),
                        arguments.substring(arguments.length() / 2))) {
                    delta(out, Replies.JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", piece));
                }
                end(out, "tool_use", call.completionTokens());
            } else {
                throw new IllegalArgumentException("not a message reply: " + reply);
            }
        }
    }

    /** A stream that starts and then fails with an {@code error} event, as Anthropic reports overload mid-stream. */
    static void failingStream(HttpExchange exchange, String id, String model, JsonNode error) throws IOException {
        try (OutputStream out = Replies.openEventStream(exchange)) {
            start(out, id, model, 5);
            Replies.event(out, "error", error);
        }
    }

    private static void start(OutputStream out, String id, String model, int inputTokens) throws IOException {
        ObjectNode message = envelope(id, model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", usage(inputTokens, 1));
        ObjectNode event = type("message_start");
        event.set("message", message);
        Replies.event(out, "message_start", event);
    }

    private static void blockStart(OutputStream out, ObjectNode block) throws IOException {
        ObjectNode event = type("content_block_start").put("index", 0);
        event.set("content_block", block);
        Replies.event(out, "content_block_start", event);
    }

    private static void delta(OutputStream out, ObjectNode delta) throws IOException {
        ObjectNode event = type("content_block_delta").put("index", 0);
        event.set("delta", delta);
        Replies.event(out, "content_block_delta", event);
    }

    private static void end(OutputStream out, String stopReason, int outputTokens) throws IOException {
        Replies.event(out, "content_block_stop", type("content_block_stop").put("index", 0));
        ObjectNode messageDelta = type("message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens);
        Replies.event(out, "message_delta", messageDelta);
        Replies.event(out, "message_stop", type("message_stop"));
    }

    private static ObjectNode envelope(String id, String model) {
        return Replies.JSON.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", model);
    }

    private static ObjectNode usage(int inputTokens, int outputTokens) {
        return Replies.JSON.createObjectNode().put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens);
    }

    private static ObjectNode type(String type) {
        return Replies.JSON.createObjectNode().put("type", type);
    }
}
