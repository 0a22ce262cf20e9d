package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;

/**
 * An Anthropic Messages response as an OpenAI {@code chat.completion}: text blocks joined into {@code content},
 * {@code tool_use} blocks as {@code tool_calls} under the caller's tool names, thinking as
 * {@code reasoning_content} plus LiteLLM's {@code thinking_blocks}, the stop reason as {@code finish_reason}
 * and the usage with cache counts. Thread-safe.
 */
public final class FromAnthropic {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Clock clock;

    /** @param clock gives {@code created}, which Anthropic's response does not carry */
    public FromAnthropic(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param message   Anthropic's response ({@code type: message})
     * @param toolNames the request's tool-name maps ({@link ToAnthropic.Translation#toolNames()})
     */
    public ObjectNode translate(JsonNode message, ToolNames toolNames) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        ArrayNode thinkingBlocks = NODES.arrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> toolCalls.add(toolCall(block, toolNames));
                case "thinking" -> {
                    reasoning.append(block.path("thinking").asText());
                    thinkingBlocks.add(block.deepCopy());
                }
                case "redacted_thinking" -> thinkingBlocks.add(block.deepCopy());
                default -> {
                    // server tool blocks (web search results, ...) have no OpenAI counterpart
                }
            }
        }
        ObjectNode assistant = NODES.objectNode().put("role", "assistant");
        if (text.isEmpty()) {
            assistant.putNull("content");
        } else {
            assistant.put("content", text.toString());
        }
        if (!toolCalls.isEmpty()) {
            assistant.set("tool_calls", toolCalls);
        }
        if (!thinkingBlocks.isEmpty()) {
            assistant.put("reasoning_content", reasoning.toString());
            assistant.set("thinking_blocks", thinkingBlocks);
        }
        ObjectNode completion = NODES.objectNode()
                .put("id", message.path("id").asText())
                .put("object", "chat.completion")
                .put("created", clock.instant().getEpochSecond())
                .put("model", message.path("model").asText());
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.set("message", assistant);
        choice.put("finish_reason", finishReason(message.path("stop_reason").asText(null)));
        completion.set("usage", new AnthropicUsage().merge(message.path("usage")).toOpenAi());
        return completion;
    }

    /** OpenAI's finish_reason for Anthropic's stop_reason; null while there is none (mid-stream). */
    public static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        };
    }

    /** A tool call in OpenAI's shape, for a whole answer and for the first chunk of a streamed one. */
    static ObjectNode toolCall(JsonNode toolUse, ToolNames toolNames, String arguments) {
        ObjectNode call = NODES.objectNode().put("id", toolUse.path("id").asText()).put("type", "function");
        call.putObject("function").put("name", toolNames.toCaller(toolUse.path("name").asText()))
                .put("arguments", arguments);
        return call;
    }

    private static ObjectNode toolCall(JsonNode toolUse, ToolNames toolNames) {
        JsonNode input = toolUse.path("input");
        // JsonNode.toString() writes valid JSON
        return toolCall(toolUse, toolNames, input.isObject() ? input.toString() : "{}");
    }
}
