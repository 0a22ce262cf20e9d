package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.util.Set;

/**
 * OpenAI {@code tools} and {@code tool_choice} as Gemini {@code tools} (one {@code functionDeclarations}
 * entry holding every function) and {@code toolConfig.functionCallingConfig}. Gemini's own built-in
 * tools ({@code {"googleSearch": {}}}, ...) pass through as LiteLLM lets them.
 */
final class GeminiTools {
    private static final Set<String> BUILT_IN = Set.of("googleSearch", "googleSearchRetrieval", "codeExecution",
            "urlContext", "google_search", "code_execution", "url_context");

    private GeminiTools() {
    }

    static void translate(JsonNode tools, JsonNode toolChoice, ObjectNode request) {
        if (tools.isArray() && !tools.isEmpty()) {
            ArrayNode out = request.putArray("tools");
            ArrayNode declarations = out.addObject().putArray("functionDeclarations");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                if (tool.has("function")) {
                    declarations.add(declaration(tool.get("function"), "tools[" + i + "]"));
                } else if (tool.size() == 1 && BUILT_IN.contains(tool.fieldNames().next())) {
                    out.add(tool.deepCopy());
                } else {
                    throw GatewayException.invalidField("tools[" + i + "]", "tools[" + i
                            + "]: expected {\"type\": \"function\", \"function\": {...}} or a Gemini built-in tool");
                }
            }
            if (declarations.isEmpty()) {
                out.remove(0);
            }
        }
        if (!toolChoice.isMissingNode() && !toolChoice.isNull()) {
            request.putObject("toolConfig").set("functionCallingConfig", callingConfig(toolChoice));
        }
    }

    private static ObjectNode declaration(JsonNode function, String field) {
        String name = function.path("name").asText("");
        if (name.isEmpty()) {
            throw GatewayException.invalidField(field + ".function.name", field + ".function.name: missing");
        }
        ObjectNode declaration = JsonNodeFactory.instance.objectNode().put("name", name);
        if (function.hasNonNull("description")) {
            declaration.put("description", function.get("description").asText());
        }
        JsonNode parameters = function.path("parameters");
        // Gemini rejects an OBJECT schema without properties: a function without parameters declares none
        if (parameters.isObject() && parameters.path("properties").size() > 0) {
            declaration.set("parameters", GeminiSchema.clean(parameters));
        }
        return declaration;
    }

    private static ObjectNode callingConfig(JsonNode toolChoice) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (toolChoice.isObject()) {
            String name = toolChoice.path("function").path("name").asText("");
            config.put("mode", "ANY").putArray("allowedFunctionNames").add(name);
            return config;
        }
        String mode = switch (toolChoice.asText("")) {
            case "none" -> "NONE";
            case "required", "any" -> "ANY";
            case "auto" -> "AUTO";
            default -> throw GatewayException.invalidField("tool_choice", "tool_choice: \"" + toolChoice.asText()
                    + "\" (expected: none, auto, required or {\"type\": \"function\", \"function\": {\"name\": ...}})");
        };
        return config.put("mode", mode);
    }
}
