package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Anthropic's stream events as OpenAI {@code chat.completion.chunk} payloads, event by event: the role with
 * {@code message_start}, text and thinking deltas as they come, each {@code tool_use} block as one OpenAI tool
 * call (id and name first, then argument fragments under the same index), the stop reason with
 * {@code message_delta}, and usage at {@code message_stop} when the caller asked for it. An {@code error} event
 * fails the stream with the classified error. One instance per stream.
 */
public final class AnthropicStreamTranslator implements StreamTranslator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean includeUsage;
    private final ToolNames toolNames;
    private final String provider;
    private final AnthropicUsage usage = new AnthropicUsage();
    /** Anthropic's content block index to the OpenAI tool-call index of a tool_use block. */
    private final Map<Integer, Integer> toolCallIndex = new HashMap<>();
    private String id = "";
    private String model = "";
    private final long created;

    /**
     * @param includeUsage whether to end with a usage chunk ({@code stream_options.include_usage})
     * @param toolNames    the request's tool-name maps, to give tool calls their caller's names back
     * @param provider     the provider errors are attributed to
     */
    public AnthropicStreamTranslator(boolean includeUsage, ToolNames toolNames, String provider, Clock clock) {
        this.includeUsage = includeUsage;
        this.toolNames = toolNames;
        this.provider = provider;
        this.created = clock.instant().getEpochSecond();
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        JsonNode data = parse(event);
        switch (data.path("type").asText(event.event() == null ? "" : event.event())) {
            case "message_start" -> start(data.path("message"), emit);
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"), emit);
            case "content_block_delta" -> blockDelta(data.path("index").asInt(), data.path("delta"), emit);
            case "message_delta" -> {
                usage.merge(data.path("usage"));
                String finish = FromAnthropic.finishReason(data.path("delta").path("stop_reason").asText(null));
                if (finish != null) {
                    emit.accept(chunk(NODES.objectNode(), finish));
                }
            }
            case "message_stop" -> {
                if (includeUsage) {
                    ObjectNode last = envelope();
                    last.putArray("choices");
                    last.set("usage", usage.toOpenAi());
                    emit.accept(Json.bytes(last));
                }
                return false;
            }
            case "error" -> throw AnthropicErrors.inStream(data, provider, model);
            default -> {
                // ping, content_block_stop and event types added later carry nothing for OpenAI clients
            }
        }
        return true;
    }

    private void start(JsonNode message, Consumer<byte[]> emit) {
        id = message.path("id").asText(id);
        model = message.path("model").asText(model);
        usage.merge(message.path("usage"));
        emit.accept(chunk(NODES.objectNode().put("role", "assistant").put("content", ""), null));
    }

    private void blockStart(int index, JsonNode block, Consumer<byte[]> emit) {
        switch (block.path("type").asText()) {
            case "tool_use" -> {
                int call = toolCallIndex.size();
                toolCallIndex.put(index, call);
                ObjectNode toolCall = FromAnthropic.toolCall(block, toolNames, "");
                emit.accept(chunk(toolCalls(toolCall.put("index", call)), null));
            }
            case "text" -> {
                if (!block.path("text").asText("").isEmpty()) {
                    emit.accept(chunk(NODES.objectNode().put("content", block.path("text").asText()), null));
                }
            }
            case "redacted_thinking" -> emit.accept(chunk(thinkingBlock(block.deepCopy()), null));
            default -> {
                // thinking starts empty; server tool blocks have no OpenAI counterpart
            }
        }
    }

    private void blockDelta(int index, JsonNode delta, Consumer<byte[]> emit) {
        switch (delta.path("type").asText()) {
            case "text_delta" -> emit.accept(chunk(NODES.objectNode().put("content", delta.path("text").asText()), null));
            case "input_json_delta" -> {
                Integer call = toolCallIndex.get(index);
                String fragment = delta.path("partial_json").asText("");
                if (call != null && !fragment.isEmpty()) {
                    ObjectNode toolCall = NODES.objectNode().put("index", call);
                    toolCall.putObject("function").put("arguments", fragment);
                    emit.accept(chunk(toolCalls(toolCall), null));
                }
            }
            case "thinking_delta" -> {
                String thinking = delta.path("thinking").asText();
                ObjectNode chunkDelta = thinkingBlock(NODES.objectNode().put("type", "thinking").put("thinking", thinking));
                emit.accept(chunk(chunkDelta.put("reasoning_content", thinking), null));
            }
            case "signature_delta" -> emit.accept(chunk(thinkingBlock(NODES.objectNode().put("type", "thinking")
                    .put("thinking", "").put("signature", delta.path("signature").asText())), null));
            default -> {
                // citations and deltas added later carry nothing for OpenAI clients
            }
        }
    }

    private static ObjectNode toolCalls(ObjectNode toolCall) {
        ObjectNode delta = NODES.objectNode();
        delta.putArray("tool_calls").add(toolCall);
        return delta;
    }

    /** LiteLLM streams thinking as {@code thinking_blocks} beside {@code reasoning_content}. */
    private static ObjectNode thinkingBlock(ObjectNode block) {
        ObjectNode delta = NODES.objectNode();
        ArrayNode blocks = delta.putArray("thinking_blocks");
        blocks.add(block);
        return delta;
    }

    private byte[] chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return Json.bytes(chunk);
    }

    private ObjectNode envelope() {
        return NODES.objectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
    }

    private JsonNode parse(SseEvent event) {
        try {
            JsonNode data = Json.mapper().readTree(event.data());
            if (data != null && data.isObject()) {
                return data;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw GatewayException.upstream(ErrorType.UPSTREAM, 502, provider + " sent a stream event that is not a JSON object",
                true, provider, model, null);
    }
}
