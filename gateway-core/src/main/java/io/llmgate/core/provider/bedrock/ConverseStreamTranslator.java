package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * ConverseStream events to OpenAI chunks, one instance per stream: {@code messageStart} sends the role,
 * {@code contentBlockStart} with a {@code toolUse} opens a tool call (id, name, empty arguments) at the next
 * OpenAI tool index, {@code contentBlockDelta} carries text, tool input fragments or reasoning,
 * {@code messageStop} sends the finish reason and {@code metadata} the usage (when asked) and ends the stream.
 * A stream closed after {@code messageStop} without {@code metadata} ends cleanly; an exception message fails it.
 */
final class ConverseStreamTranslator implements StreamTranslator {
    private final ChunkWriter chunks;
    private final String model;
    private final boolean includeUsage;
    /** Converse's contentBlockIndex to the OpenAI tool_calls index of the call it streams. */
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private boolean stopped;

    ConverseStreamTranslator(String model, boolean includeUsage) {
        this.chunks = new ChunkWriter(model);
        this.model = model;
        this.includeUsage = includeUsage;
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        String type = event.event() == null ? "" : event.event();
        if (type.startsWith(EventStreamDecoder.EXCEPTION_PREFIX)) {
            throw BedrockErrors.inStream(type.substring(EventStreamDecoder.EXCEPTION_PREFIX.length()), event.data(), model);
        }
        JsonNode payload = ProviderErrors.parse(event.data());
        switch (type) {
            case "messageStart" -> emit.accept(chunks.delta(delta().put("content", "")));
            case "contentBlockStart" -> startBlock(payload, emit);
            case "contentBlockDelta" -> delta(payload, emit);
            case "messageStop" -> {
                stopped = true;
                emit.accept(chunks.finish(ConverseResults.finishReason(payload.path("stopReason").asText(null))));
            }
            case "metadata" -> {
                if (includeUsage) {
                    emit.accept(chunks.usage(ConverseResults.usage(payload.path("usage"))));
                }
                return false;
            }
            default -> { } // contentBlockStop, and events added to the API later
        }
        return true;
    }

    @Override
    public boolean onClose(Consumer<byte[]> emit) {
        return stopped;
    }

    private void startBlock(JsonNode payload, Consumer<byte[]> emit) {
        JsonNode toolUse = payload.path("start").path("toolUse");
        if (!toolUse.isObject()) {
            return;
        }
        int index = toolIndexByBlock.size();
        toolIndexByBlock.put(payload.path("contentBlockIndex").asInt(), index);
        ObjectNode call = toolCall(index).put("id", toolUse.path("toolUseId").asText()).put("type", "function");
        call.putObject("function").put("name", toolUse.path("name").asText()).put("arguments", "");
        emit.accept(chunks.delta((ObjectNode) delta().set("tool_calls", Json.mapper().createArrayNode().add(call))));
    }

    private void delta(JsonNode payload, Consumer<byte[]> emit) {
        JsonNode delta = payload.path("delta");
        if (delta.path("text").isTextual()) {
            emit.accept(chunks.delta(delta().put("content", delta.get("text").textValue())));
        } else if (delta.path("toolUse").path("input").isTextual()) {
            Integer index = toolIndexByBlock.get(payload.path("contentBlockIndex").asInt());
            if (index != null) {
                ObjectNode call = toolCall(index);
                call.putObject("function").put("arguments", delta.get("toolUse").get("input").textValue());
                emit.accept(chunks.delta((ObjectNode) delta().set("tool_calls", Json.mapper().createArrayNode().add(call))));
            }
        } else if (delta.path("reasoningContent").path("text").isTextual()) {
            emit.accept(chunks.delta(delta().put("reasoning_content", delta.get("reasoningContent").get("text").textValue())));
        }
    }

    private static ObjectNode toolCall(int index) {
        return Json.mapper().createObjectNode().put("index", index);
    }

    private static ObjectNode delta() {
        return Json.mapper().createObjectNode();
    }
}
