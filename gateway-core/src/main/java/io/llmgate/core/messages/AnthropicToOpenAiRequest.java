package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;

import java.util.Optional;

/**
 * An Anthropic Messages request as an OpenAI chat request, for deployments whose adapter speaks OpenAI's
 * format. Parameters OpenAI has no counterpart for ({@code top_k}, cache control, Anthropic server tools'
 * results in the history) are left out; Anthropic server tools themselves are refused, as they cannot run
 * elsewhere. A stream always asks for usage so that {@code message_delta} can report output tokens.
 */
final class AnthropicToOpenAiRequest {
    /** Thinking budgets at or above these map to reasoning efforts medium and high; below, low. */
    static final int MEDIUM_EFFORT_BUDGET = 2_048;
    static final int HIGH_EFFORT_BUDGET = 4_096;

    private AnthropicToOpenAiRequest() {
    }

    /** The translated request and the tool names it used, which the answer's translation needs back. */
    record Translation(InferenceRequest request, ToolNames toolNames) {
    }

    static Translation translate(InferenceRequest messages) {
        ObjectNode anthropic = messages.body();
        ToolNames names = ToolNames.of(anthropic.path("tools"));
        ObjectNode openAi = Json.mapper().createObjectNode().put("model", messages.model());
        ArrayNode chat = openAi.putArray("messages");
        system(anthropic.path("system")).ifPresent(chat::add);
        chat.addAll(AnthropicToOpenAiMessages.translate(anthropic.path("messages"), names));
        openAi.set("max_tokens", anthropic.get("max_tokens"));
        copy(anthropic, "temperature", openAi, "temperature");
        copy(anthropic, "top_p", openAi, "top_p");
        if (anthropic.path("stop_sequences").size() > 0) {
            openAi.set("stop", anthropic.get("stop_sequences"));
        }
        if (anthropic.path("metadata").path("user_id").isTextual()) {
            openAi.set("user", anthropic.path("metadata").get("user_id"));
        }
        tools(anthropic, names, openAi);
        reasoningEffort(anthropic).ifPresent(effort -> openAi.put("reasoning_effort", effort));
        if (messages.stream()) {
            openAi.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        return new Translation(new InferenceRequest(InferenceEndpoint.CHAT_COMPLETIONS, messages.model(),
                messages.stream(), messages.stream(), openAi), names);
    }

    /** {@code system} as one system message; text blocks are joined, as not every OpenAI server takes parts there. */
    private static Optional<ObjectNode> system(JsonNode system) {
        String text = system.isTextual() ? system.textValue() : AnthropicToOpenAiMessages.joinedText(system, "system");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().createObjectNode().put("role", "system").put("content", text));
    }

    private static void tools(ObjectNode anthropic, ToolNames names, ObjectNode openAi) {
        JsonNode tools = anthropic.path("tools");
        if (tools.isEmpty()) {
            return;
        }
        ArrayNode functions = openAi.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asText("custom");
            if (!type.equals("custom")) {
                throw GatewayException.invalidField("tools[" + i + "].type", "tools[" + i + "].type: Anthropic server tool \""
                        + MessagesRequestDecoder.shorten(type) + "\" runs only on anthropic/ deployments (expected: a custom tool with an input_schema)");
            }
            ObjectNode function = functions.addObject().put("type", "function").putObject("function")
                    .put("name", names.toOpenAi(tool.path("name").asText()));
            copy(tool, "description", function, "description");
            function.set("parameters", tool.hasNonNull("input_schema") ? tool.get("input_schema")
                    : Json.mapper().createObjectNode().put("type", "object"));
        }
        JsonNode choice = anthropic.path("tool_choice");
        if (choice.isObject()) {
            openAi.set("tool_choice", toolChoice(choice, names));
            if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
                openAi.put("parallel_tool_calls", false);
            }
        }
    }

    private static JsonNode toolChoice(JsonNode choice, ToolNames names) {
        return switch (choice.path("type").asText()) {
            case "any" -> Json.mapper().getNodeFactory().textNode("required");
            case "none" -> Json.mapper().getNodeFactory().textNode("none");
            case "tool" -> {
                ObjectNode named = Json.mapper().createObjectNode().put("type", "function");
                named.putObject("function").put("name", names.toOpenAi(choice.path("name").asText()));
                yield named;
            }
            default -> Json.mapper().getNodeFactory().textNode("auto");
        };
    }

    /** Anthropic's thinking budget as OpenAI's coarser reasoning effort; none when thinking is off. */
    static Optional<String> reasoningEffort(ObjectNode anthropic) {
        JsonNode thinking = anthropic.path("thinking");
        String type = thinking.path("type").asText("disabled");
        if (type.equals("adaptive")) {
            return Optional.of(anthropic.path("output_config").path("effort").asText("medium"));
        }
        if (!type.equals("enabled")) {
            return Optional.empty();
        }
        long budget = thinking.path("budget_tokens").asLong(0);
        return Optional.of(budget >= HIGH_EFFORT_BUDGET ? "high" : budget >= MEDIUM_EFFORT_BUDGET ? "medium" : "low");
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value);
        }
    }
}
