package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * Builds the {@code chat.completion} object and the {@code chat.completion.chunk} events of one
 * answer, all sharing its id, creation time and model as OpenAI's do.
 */
final class ChatCompletionWire {
    static final String SYSTEM_FINGERPRINT = "fp_fake0001";

    private final String id = ResponseIds.next("chatcmpl-");
    private final long created = Instant.now().getEpochSecond();
    private final String model;
    private final boolean usageField;

    /** @param usageField whether every chunk carries {@code "usage": null} (set with {@code include_usage}) */
    ChatCompletionWire(String model, boolean usageField) {
        this.model = model;
        this.usageField = usageField;
    }

    /** With tool calls, content is null when empty and the finish reason is {@code tool_calls}, as OpenAI answers. */
    ObjectNode completion(String content, List<Scenario.ToolCall> toolCalls, Usage usage) {
        ObjectNode completion = header("chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        message.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            toolCalls.forEach(call -> calls.add(toolCall(call, call.argumentsJson())));
        }
        message.putArray("annotations");
        choice.putNull("logprobs").put("finish_reason", finishReason(toolCalls));
        completion.set("usage", usage.chatJson());
        completion.put("service_tier", "default")
                .put("system_fingerprint", SYSTEM_FINGERPRINT);
        return completion;
    }

    /** The first event: the assistant role with empty content. */
    ObjectNode roleChunk() {
        ObjectNode chunk = chunk();
        delta(chunk).put("role", "assistant").put("content", "").putNull("refusal");
        return chunk;
    }

    ObjectNode contentChunk(String piece) {
        ObjectNode chunk = chunk();
        delta(chunk).put("content", piece);
        return chunk;
    }

    /** The first delta of call number {@code index}: its id, type and name, and empty arguments. */
    ObjectNode toolCallStartChunk(int index, Scenario.ToolCall call) {
        ObjectNode chunk = chunk();
        delta(chunk).putArray("tool_calls").add(toolCall(call, "").put("index", index));
        return chunk;
    }

    /** A later delta of call number {@code index}: a fragment of its arguments only. */
    ObjectNode toolCallArgumentsChunk(int index, String fragment) {
        ObjectNode chunk = chunk();
        ObjectNode call = delta(chunk).putArray("tool_calls").addObject().put("index", index);
        call.putObject("function").put("arguments", fragment);
        return chunk;
    }

    /** Empty delta and the finish reason. */
    ObjectNode finishChunk(List<Scenario.ToolCall> toolCalls) {
        ObjectNode chunk = chunk();
        delta(chunk);
        ((ObjectNode) chunk.get("choices").get(0)).put("finish_reason", finishReason(toolCalls));
        return chunk;
    }

    private static String finishReason(List<Scenario.ToolCall> toolCalls) {
        return toolCalls.isEmpty() ? "stop" : "tool_calls";
    }

    private static ObjectNode toolCall(Scenario.ToolCall call, String arguments) {
        ObjectNode json = Json.object().put("id", call.id()).put("type", "function");
        json.putObject("function").put("name", call.name()).put("arguments", arguments);
        return json;
    }

    /** The extra last event {@code include_usage} asks for: no choices, the usage. */
    ObjectNode usageChunk(Usage usage) {
        ObjectNode chunk = header("chat.completion.chunk");
        chunk.put("service_tier", "default").put("system_fingerprint", SYSTEM_FINGERPRINT);
        chunk.putArray("choices");
        chunk.set("usage", usage.chatJson());
        return chunk;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = header("chat.completion.chunk");
        chunk.put("service_tier", "default").put("system_fingerprint", SYSTEM_FINGERPRINT);
        ArrayNode choices = chunk.putArray("choices");
        choices.addObject().put("index", 0).putObject("delta");
        ((ObjectNode) choices.get(0)).putNull("logprobs").putNull("finish_reason");
        if (usageField) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }

    private ObjectNode header(String object) {
        return Json.object()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", model);
    }
}
