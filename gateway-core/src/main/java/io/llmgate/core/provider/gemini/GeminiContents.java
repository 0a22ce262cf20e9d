package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.util.HashMap;
import java.util.Map;

/**
 * OpenAI {@code messages} as Gemini {@code contents} and {@code systemInstruction}. Roles map to Gemini's two
 * (assistant to {@code model}, user and tool results to {@code user}), consecutive turns of one role merge
 * into one content as Gemini expects, and a tool result names its function through the assistant turn
 * that called it, because Gemini matches results by name, not by call id.
 */
final class GeminiContents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ArrayNode contents = NODES.arrayNode();
    private final ArrayNode systemParts = NODES.arrayNode();
    private final Map<String, String> functionByCallId = new HashMap<>();

    private GeminiContents() {
    }

    /** Translates {@code messages} into {@code request}'s {@code contents} and {@code systemInstruction}. */
    static void translate(JsonNode messages, ObjectNode request) {
        GeminiContents translation = new GeminiContents();
        for (int i = 0; i < messages.size(); i++) {
            translation.message(messages.get(i), "messages[" + i + "]");
        }
        if (!translation.systemParts.isEmpty()) {
            request.putObject("systemInstruction").set("parts", translation.systemParts);
        }
        request.set("contents", translation.contents);
    }

    private void message(JsonNode message, String field) {
        String role = message.path("role").asText("");
        JsonNode content = message.path("content");
        switch (role) {
            case "system", "developer" -> {
                String text = GeminiParts.text(content);
                if (!text.isEmpty()) {
                    systemParts.addObject().put("text", text);
                }
            }
            case "user" -> append("user", GeminiParts.of(content, field + ".content"));
            case "assistant" -> append("model", assistant(message, field));
            case "tool" -> append("user", toolResult(functionFor(message.path("tool_call_id").asText(""), field),
                    content));
            case "function" -> append("user", toolResult(message.path("name").asText(""), content));
            default -> throw GatewayException.invalidField(field + ".role", field + ".role: \"" + role
                    + "\" is not supported (expected: system, developer, user, assistant or tool)");
        }
    }

    private ArrayNode assistant(JsonNode message, String field) {
        ArrayNode parts = GeminiParts.of(message.path("content"), field + ".content");
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String name = call.path("function").path("name").asText("");
            String id = call.path("id").asText("");
            functionByCallId.put(id, name);
            ObjectNode part = parts.addObject();
            part.putObject("functionCall").put("name", name)
                    .set("args", arguments(call.path("function").path("arguments"), field + ".tool_calls[" + i + "]"));
            ToolCallIds.signature(id).ifPresent(signature -> part.put("thoughtSignature", signature));
        }
        return parts;
    }

    private static JsonNode arguments(JsonNode arguments, String field) {
        if (arguments.isObject()) {
            return arguments.deepCopy();
        }
        String text = arguments.asText("");
        if (text.isBlank()) {
            return NODES.objectNode();
        }
        try {
            JsonNode parsed = Json.mapper().readTree(text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (Exception e) {
            // reported below
        }
        throw GatewayException.invalidField(field + ".function.arguments", field
                + ".function.arguments: not a JSON object (Gemini takes function arguments as an object)");
    }

    private String functionFor(String callId, String field) {
        String name = functionByCallId.get(callId);
        if (name == null) {
            throw GatewayException.invalidField(field + ".tool_call_id", field + ".tool_call_id: \"" + callId
                    + "\" matches no tool call of an earlier assistant message (Gemini needs the function name)");
        }
        return name;
    }

    private static ArrayNode toolResult(String name, JsonNode content) {
        ArrayNode parts = NODES.arrayNode();
        ObjectNode response = parts.addObject().putObject("functionResponse").put("name", name).putObject("response");
        response.put("content", GeminiParts.text(content));
        return parts;
    }

    /** Adds {@code parts} as a turn of {@code role}, merged into the previous turn when that has the same role. */
    private void append(String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return;
        }
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        contents.addObject().put("role", role).set("parts", parts);
    }
}
