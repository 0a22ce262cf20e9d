package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * OpenAI {@code tools}, {@code tool_choice} and {@code parallel_tool_calls} in Anthropic's terms. Function tools
 * become {@code {name, description, input_schema}}; tools already in Anthropic's shape ({@code name} +
 * {@code input_schema}) keep it; any other typed tool ({@code web_search_20250305}, {@code bash_20250124}, ...)
 * is one of Anthropic's hosted tools and passes unchanged, its reserved name never rewritten.
 */
final class ToAnthropicTools {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToAnthropicTools() {
    }

    /** The tool-name maps of an OpenAI chat request: what {@link ToAnthropic} applies and answers are read back with. */
    static ToolNames names(JsonNode openAiRequest) {
        List<String> names = new ArrayList<>();
        Set<String> reserved = new HashSet<>();
        for (JsonNode tool : openAiRequest.path("tools")) {
            if (isFunction(tool)) {
                addText(names, tool.path("function").path("name"));
            } else if (isAnthropicCustom(tool)) {
                addText(names, tool.path("name"));
            } else {
                addText(reserved, tool.path("name"));
            }
        }
        JsonNode choice = openAiRequest.path("tool_choice");
        addText(names, choice.path("function").path("name"));
        if ("tool".equals(choice.path("type").asText())) {
            addText(names, choice.path("name"));
        }
        for (JsonNode message : openAiRequest.path("messages")) {
            for (JsonNode call : message.path("tool_calls")) {
                addText(names, call.path("function").path("name"));
            }
        }
        return names.isEmpty() ? ToolNames.none() : ToolNames.of(names, reserved);
    }

    static ArrayNode tools(JsonNode tools, ToolNames names) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (isFunction(tool)) {
                out.add(function(tool, i, names));
            } else if (isAnthropicCustom(tool)) {
                ObjectNode copy = tool.deepCopy();
                copy.put("name", names.toAnthropic(tool.path("name").asText()));
                out.add(copy);
            } else if ("custom".equals(tool.path("type").asText())) {
                throw GatewayException.invalidField("tools", "tools[" + i + "]: anthropic does not support OpenAI's "
                        + "free-form custom tools (expected: type function)");
            } else {
                out.add(tool.deepCopy());
            }
        }
        return out;
    }

    /** Anthropic's {@code tool_choice}, or null to send none. */
    static ObjectNode toolChoice(JsonNode choice, JsonNode parallelToolCalls, ToolNames names) {
        ObjectNode out = null;
        if (choice.isTextual()) {
            out = NODES.objectNode().put("type", switch (choice.textValue()) {
                case "auto" -> "auto";
                case "required", "any" -> "any";
                case "none" -> "none";
                default -> throw GatewayException.invalidField("tool_choice", "tool_choice: '" + choice.textValue()
                        + "' (expected: auto, required, none or a function)");
            });
        } else if (choice.isObject()) {
            out = objectChoice(choice, names);
        }
        if (parallelToolCalls.isBoolean() && !parallelToolCalls.booleanValue()) {
            out = out == null ? NODES.objectNode().put("type", "auto") : out;
            if (!"none".equals(out.path("type").asText())) {
                out.put("disable_parallel_tool_use", true);
            }
        }
        return out;
    }

    private static ObjectNode objectChoice(JsonNode choice, ToolNames names) {
        String type = choice.path("type").asText();
        if ("function".equals(type)) {
            String name = choice.path("function").path("name").asText("");
            if (name.isEmpty()) {
                throw GatewayException.invalidField("tool_choice", "tool_choice.function.name is required");
            }
            return NODES.objectNode().put("type", "tool").put("name", names.toAnthropic(name));
        }
        // already Anthropic's shape: {type: auto|any|none|tool, name?, disable_parallel_tool_use?}
        ObjectNode copy = choice.deepCopy();
        if ("tool".equals(type) && choice.path("name").isTextual()) {
            copy.put("name", names.toAnthropic(choice.path("name").textValue()));
        }
        return copy;
    }

    private static ObjectNode function(JsonNode tool, int index, ToolNames names) {
        JsonNode function = tool.path("function");
        String name = function.path("name").asText("");
        if (name.isEmpty()) {
            throw GatewayException.invalidField("tools", "tools[" + index + "].function.name is required");
        }
        ObjectNode out = NODES.objectNode().put("name", names.toAnthropic(name));
        if (function.path("description").isTextual()) {
            out.put("description", function.path("description").textValue());
        }
        JsonNode parameters = function.path("parameters");
        out.set("input_schema", parameters.isObject() ? parameters.deepCopy()
                : NODES.objectNode().put("type", "object").set("properties", NODES.objectNode()));
        if (tool.path("cache_control").isObject()) {
            out.set("cache_control", tool.path("cache_control").deepCopy());
        }
        return out;
    }

    private static boolean isFunction(JsonNode tool) {
        return "function".equals(tool.path("type").asText());
    }

    /** A tool the caller already wrote in Anthropic's own shape (LiteLLM accepts those too). */
    private static boolean isAnthropicCustom(JsonNode tool) {
        String type = tool.path("type").asText("custom");
        return "custom".equals(type) && tool.path("name").isTextual() && tool.path("input_schema").isObject();
    }

    private static void addText(java.util.Collection<String> to, JsonNode value) {
        if (value.isTextual()) {
            to.add(value.textValue());
        }
    }
}
