package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAI chat request to a Converse request body. Sampling parameters go to {@code inferenceConfig}, tools to
 * {@code toolConfig} ({@code tool_choice: "none"} sends no tools, as LiteLLM does), model-specific parameters
 * ({@code top_k}, {@code thinking}, {@code reasoning_effort}) to {@code additionalModelRequestFields}, and
 * Converse's own fields ({@code guardrailConfig}, ...) pass through. OpenAI parameters Converse has no
 * equivalent for ({@code n}, penalties, {@code seed}, {@code logprobs}, {@code response_format}, ...) are dropped.
 */
final class ToConverse {
    /** Converse request fields a caller may send as they are. */
    private static final List<String> CONVERSE_FIELDS = List.of("guardrailConfig", "performanceConfig",
            "requestMetadata", "promptVariables", "additionalModelResponseFieldPaths");
    /** LiteLLM's thinking budgets for Anthropic models when a caller gives {@code reasoning_effort}. */
    private static final Map<String, Integer> THINKING_BUDGETS = Map.of("minimal", 1024, "low", 1024,
            "medium", 2048, "high", 4096);

    private ToConverse() {
    }

    /** @param openAi the deployment's default params overlaid with the request; read, never modified */
    static ObjectNode body(ObjectNode openAi, BedrockModelId model) {
        ObjectNode converse = Json.mapper().createObjectNode();
        ToConverseMessages.into(converse, openAi.path("messages"));
        ObjectNode inference = inferenceConfig(openAi);
        if (!inference.isEmpty()) {
            converse.set("inferenceConfig", inference);
        }
        toolConfig(openAi).ifPresent(tools -> converse.set("toolConfig", tools));
        ObjectNode additional = additionalFields(openAi, model);
        if (!additional.isEmpty()) {
            converse.set("additionalModelRequestFields", additional);
        }
        for (String field : CONVERSE_FIELDS) {
            if (openAi.hasNonNull(field)) {
                converse.set(field, openAi.get(field));
            }
        }
        return converse;
    }

    private static ObjectNode inferenceConfig(ObjectNode openAi) {
        ObjectNode config = Json.mapper().createObjectNode();
        JsonNode maxTokens = openAi.hasNonNull("max_completion_tokens") ? openAi.get("max_completion_tokens")
                : openAi.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull()) {
            config.set("maxTokens", maxTokens);
        }
        copy(openAi, "temperature", config, "temperature");
        copy(openAi, "top_p", config, "topP");
        JsonNode stop = openAi.get("stop");
        if (stop != null && stop.isTextual()) {
            config.putArray("stopSequences").add(stop.textValue());
        } else if (stop != null && stop.isArray() && !stop.isEmpty()) {
            config.set("stopSequences", stop);
        }
        return config;
    }

    private static Optional<ObjectNode> toolConfig(ObjectNode openAi) {
        JsonNode tools = openAi.path("tools");
        JsonNode choice = openAi.path("tool_choice");
        if (!tools.isArray() || tools.isEmpty() || "none".equals(choice.asText())) {
            return Optional.empty();
        }
        ObjectNode config = Json.mapper().createObjectNode();
        ArrayNode specs = config.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            specs.addObject().set("toolSpec", toolSpec(i, tools.get(i)));
        }
        if (choice.isTextual()) {
            switch (choice.textValue()) {
                case "auto" -> config.putObject("toolChoice").putObject("auto");
                case "required" -> config.putObject("toolChoice").putObject("any");
                default -> throw GatewayException.invalidField("tool_choice",
                        "tool_choice must be \"none\", \"auto\", \"required\" or a function");
            }
        } else if (choice.isObject()) {
            String name = choice.path("function").path("name").asText("");
            if (name.isEmpty()) {
                throw GatewayException.invalidField("tool_choice", "tool_choice.function.name is required");
            }
            config.putObject("toolChoice").putObject("tool").put("name", name);
        }
        return Optional.of(config);
    }

    private static ObjectNode toolSpec(int index, JsonNode tool) {
        JsonNode function = tool.path("function");
        if (!"function".equals(tool.path("type").asText("function")) || !function.path("name").isTextual()) {
            throw GatewayException.invalidField("tools", "tools[" + index + "]: bedrock supports function tools"
                    + " with a function.name");
        }
        ObjectNode spec = Json.mapper().createObjectNode().put("name", function.path("name").textValue());
        if (function.path("description").isTextual()) {
            spec.put("description", function.path("description").textValue());
        }
        JsonNode parameters = function.path("parameters");
        spec.putObject("inputSchema").set("json", parameters.isObject() ? parameters
                : Json.mapper().createObjectNode().put("type", "object").set("properties", Json.mapper().createObjectNode()));
        return spec;
    }

    private static ObjectNode additionalFields(ObjectNode openAi, BedrockModelId model) {
        JsonNode given = openAi.path("additionalModelRequestFields");
        ObjectNode fields = given.isObject() ? given.deepCopy() : Json.mapper().createObjectNode();
        copy(openAi, "top_k", fields, "top_k");
        copy(openAi, "thinking", fields, "thinking");
        JsonNode effort = openAi.path("reasoning_effort");
        if (effort.isTextual() && model.isAnthropic() && !fields.has("thinking")) {
            Integer budget = THINKING_BUDGETS.get(effort.textValue());
            if (budget != null) {
                fields.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
            }
        } else if (effort.isTextual() && !model.isAnthropic()) {
            fields.set("reasoning_effort", effort);
        }
        return fields;
    }

    private static void copy(ObjectNode from, String name, ObjectNode to, String as) {
        JsonNode value = from.get(name);
        if (value != null && !value.isNull()) {
            to.set(as, value);
        }
    }
}
