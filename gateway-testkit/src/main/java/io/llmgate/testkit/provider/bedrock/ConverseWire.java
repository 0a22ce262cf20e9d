package io.llmgate.testkit.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Reply} answers in Converse's wire format: the JSON of {@code /converse}, and the event sequence of
 * {@code /converse-stream} (messageStart, content block events, messageStop, metadata), each payload padded
 * with the {@code "p"} field Bedrock adds to hide token lengths.
 */
final class ConverseWire {
    private static final String PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

    private ConverseWire() {
    }

    static ObjectNode answer(Reply reply) {
        ObjectNode answer = Replies.JSON.createObjectNode();
        ObjectNode message = answer.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (reply instanceof Reply.ToolCall call) {
            ObjectNode use = content.addObject().putObject("toolUse").put("toolUseId", call.id()).put("name", call.name());
            use.set("input", parse(call.argumentsJson()));
            answer.put("stopReason", "tool_use");
            answer.set("usage", usage(call.promptTokens(), call.completionTokens()));
        } else {
            Reply.Text text = (Reply.Text) reply;
            content.addObject().put("text", text.text());
            answer.put("stopReason", "end_turn");
            answer.set("usage", usage(text.promptTokens(), text.completionTokens()));
        }
        answer.putObject("metrics").put("latencyMs", 412);
        return answer;
    }

    /** The stream's messages, in order, as (event type, payload). */
    static List<Event> stream(Reply reply) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("messageStart", padded().put("role", "assistant")));
        String stopReason;
        int prompt;
        int completion;
        if (reply instanceof Reply.ToolCall call) {
            ObjectNode start = padded().put("contentBlockIndex", 0);
            start.putObject("start").putObject("toolUse").put("toolUseId", call.id()).put("name", call.name());
            events.add(new Event("contentBlockStart", start));
            for (String piece : Replies.split(call.argumentsJson(), 2)) {
                ObjectNode delta = padded().put("contentBlockIndex", 0);
                delta.putObject("delta").putObject("toolUse").put("input", piece);
                events.add(new Event("contentBlockDelta", delta));
            }
            stopReason = "tool_use";
            prompt = call.promptTokens();
            completion = call.completionTokens();
        } else {
            Reply.Text text = (Reply.Text) reply;
            for (String piece : Replies.split(text.text(), text.chunks())) {
                ObjectNode delta = padded().put("contentBlockIndex", 0);
                delta.putObject("delta").put("text", piece);
                events.add(new Event("contentBlockDelta", delta));
            }
            stopReason = "end_turn";
            prompt = text.promptTokens();
            completion = text.completionTokens();
        }
        events.add(new Event("contentBlockStop", padded().put("contentBlockIndex", 0)));
        events.add(new Event("messageStop", padded().put("stopReason", stopReason)));
        ObjectNode metadata = padded();
        metadata.set("usage", usage(prompt, completion));
        metadata.putObject("metrics").put("latencyMs", 389);
        events.add(new Event("metadata", metadata));
        return events;
    }

    private static ObjectNode usage(int prompt, int completion) {
        return Replies.JSON.createObjectNode().put("inputTokens", prompt).put("outputTokens", completion)
                .put("totalTokens", prompt + completion);
    }

    private static ObjectNode padded() {
        return Replies.JSON.createObjectNode().put("p", PADDING);
    }

    private static JsonNode parse(String json) {
        try {
            return Replies.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Event(String type, ObjectNode payload) {
    }
}
