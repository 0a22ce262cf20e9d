package io.llmgate.core.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.time.Instant;

/**
 * Writes the OpenAI {@code chat.completion.chunk} payloads of one translated stream, all sharing its id, creation
 * time and model as OpenAI's do: the assistant role first, text and tool-call deltas, the finish reason, and the
 * usage chunk {@code include_usage} asks for. One instance per stream; not thread-safe (nor need it be).
 */
public final class ChatChunkWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id;
    private final long created;
    private final String model;

    public ChatChunkWriter(String id, String model) {
        this.id = id;
        this.created = Instant.now().getEpochSecond();
        this.model = model;
    }

    /** The first chunk: role assistant, empty content. */
    public byte[] role() {
        ObjectNode chunk = chunk();
        delta(chunk).put("role", "assistant").put("content", "");
        return Json.bytes(chunk);
    }

    public byte[] content(String text) {
        ObjectNode chunk = chunk();
        delta(chunk).put("content", text);
        return Json.bytes(chunk);
    }

    /** Reasoning text, under the {@code reasoning_content} name LiteLLM uses for every provider. */
    public byte[] reasoning(String text) {
        ObjectNode chunk = chunk();
        delta(chunk).put("reasoning_content", text);
        return Json.bytes(chunk);
    }

    /** The start of tool call {@code index}: its id, type, name and empty arguments. */
    public byte[] toolCallStart(int index, String callId, String name) {
        ObjectNode chunk = chunk();
        ObjectNode call = delta(chunk).putArray("tool_calls").addObject().put("index", index).put("id", callId)
                .put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        return Json.bytes(chunk);
    }

    public byte[] toolCallArguments(int index, String fragment) {
        ObjectNode chunk = chunk();
        delta(chunk).putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", fragment);
        return Json.bytes(chunk);
    }

    /** An empty delta with the OpenAI {@code finish_reason}. */
    public byte[] finish(String finishReason) {
        ObjectNode chunk = chunk();
        delta(chunk);
        ((ObjectNode) chunk.get("choices").get(0)).put("finish_reason", finishReason);
        return Json.bytes(chunk);
    }

    /** The extra last chunk of {@code include_usage}: no choices, the usage. */
    public byte[] usage(ObjectNode usage) {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", usage);
        return Json.bytes(chunk);
    }

    /** OpenAI's usage object: the three counts. */
    public static ObjectNode usage(long promptTokens, long completionTokens) {
        return NODES.objectNode().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private ObjectNode chunk() {
        ObjectNode chunk = header();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }

    private ObjectNode header() {
        return NODES.objectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
    }
}
