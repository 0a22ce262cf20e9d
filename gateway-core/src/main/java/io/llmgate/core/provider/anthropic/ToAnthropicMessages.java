package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

/**
 * OpenAI chat messages as Anthropic's {@code system} and {@code messages}. Anthropic has no system role, takes
 * tool results as {@code tool_result} blocks of a user message, tool calls as {@code tool_use} blocks, and wants
 * user and assistant turns to alternate, so consecutive messages of one role are merged.
 */
final class ToAnthropicMessages {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** @param system Anthropic's {@code system} (text, or text blocks when one carries cache_control), null when none */
    record Converted(JsonNode system, ArrayNode messages) {
    }

    private ToAnthropicMessages() {
    }

    static Converted convert(JsonNode messages, ToolNames names) {
        ArrayNode system = NODES.arrayNode();
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String where = "messages[" + i + "]";
            String role = message.path("role").asText();
            switch (role) {
                case "system", "developer" -> ToAnthropicContent.blocks(message.path("content"), where).forEach(block -> {
                    if (!ToAnthropicContent.isBlankText(block)) {
                        system.add(block);
                    }
                });
                case "user" -> append(out, "user", user(message, where));
                case "assistant" -> append(out, "assistant", assistant(message, where, names));
                case "tool" -> append(out, "user", NODES.arrayNode().add(toolResult(message, where)));
                default -> throw GatewayException.invalidField("messages", where + ".role: '" + role
                        + "' (expected: system, developer, user, assistant or tool)");
            }
        }
        return new Converted(system(system), out);
    }

    private static ArrayNode user(JsonNode message, String where) {
        ArrayNode blocks = ToAnthropicContent.blocks(message.path("content"), where);
        if (blocks.isEmpty()) {
            blocks.add(ToAnthropicContent.text(""));
        }
        ToAnthropicContent.fillBlankText(blocks);
        cacheLastBlock(message, blocks);
        return blocks;
    }

    private static ArrayNode assistant(JsonNode message, String where, ToolNames names) {
        ArrayNode blocks = NODES.arrayNode();
        // LiteLLM hands thinking blocks back on the message; Anthropic wants them first when thinking continues
        message.path("thinking_blocks").forEach(block -> blocks.add(block.deepCopy()));
        blocks.addAll(ToAnthropicContent.blocks(message.path("content"), where));
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            blocks.add(toolUse(calls.get(i), where + ".tool_calls[" + i + "]", names));
        }
        if (calls.isEmpty()) {
            if (blocks.isEmpty()) {
                blocks.add(ToAnthropicContent.text(""));
            }
            ToAnthropicContent.fillBlankText(blocks);
        } else {
            // the tool calls carry the turn: a placeholder would only be echoed back by the model later
            ToAnthropicContent.dropBlankText(blocks);
        }
        cacheLastBlock(message, blocks);
        return blocks;
    }

    private static ObjectNode toolUse(JsonNode call, String where, ToolNames names) {
        JsonNode function = call.path("function");
        ObjectNode block = NODES.objectNode().put("type", "tool_use").put("id", call.path("id").asText(""))
                .put("name", names.toAnthropic(function.path("name").asText("")));
        block.set("input", arguments(function.path("arguments"), where));
        return block;
    }

    /** OpenAI carries arguments as a JSON string, Anthropic as an object. */
    private static JsonNode arguments(JsonNode arguments, String where) {
        if (arguments.isObject()) {
            return arguments.deepCopy();
        }
        String text = arguments.asText("");
        if (text.isBlank()) {
            return NODES.objectNode();
        }
        try {
            JsonNode parsed = Json.mapper().readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw GatewayException.invalidField("messages", where + ".function.arguments: expected a JSON object");
    }

    private static ObjectNode toolResult(JsonNode message, String where) {
        ObjectNode block = NODES.objectNode().put("type", "tool_result")
                .put("tool_use_id", message.path("tool_call_id").asText(""));
        ArrayNode content = ToAnthropicContent.blocks(message.path("content"), where);
        ToAnthropicContent.dropBlankText(content);
        // content is optional for Anthropic; an empty one would be rejected like any empty text
        if (content.size() == 1 && "text".equals(content.get(0).path("type").asText()) && !content.get(0).has("cache_control")) {
            block.put("content", content.get(0).path("text").asText());
        } else if (!content.isEmpty()) {
            block.set("content", content);
        }
        return block;
    }

    /** LiteLLM's message-level cache_control marks the message's last block, where Anthropic reads it. */
    private static void cacheLastBlock(JsonNode message, ArrayNode blocks) {
        JsonNode cacheControl = message.path("cache_control");
        if (cacheControl.isObject() && !blocks.isEmpty()) {
            ((ObjectNode) blocks.get(blocks.size() - 1)).set("cache_control", cacheControl.deepCopy());
        }
    }

    private static void append(ArrayNode messages, String role, ArrayNode blocks) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.path("content")).addAll(blocks);
            return;
        }
        ObjectNode message = NODES.objectNode().put("role", role);
        message.set("content", blocks);
        messages.add(message);
    }

    /** One string when plain, so the upstream body stays readable; blocks when one carries cache_control. */
    private static JsonNode system(ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return null;
        }
        boolean plain = true;
        StringBuilder text = new StringBuilder();
        for (JsonNode block : blocks) {
            plain &= "text".equals(block.path("type").asText()) && !block.has("cache_control");
            text.append(text.isEmpty() ? "" : "\n").append(block.path("text").asText());
        }
        return plain ? NODES.textNode(text.toString()) : blocks;
    }
}
