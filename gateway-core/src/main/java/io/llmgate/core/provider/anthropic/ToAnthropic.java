package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.util.Map;
import java.util.Set;

/**
 * An OpenAI {@code chat/completions} request body as an Anthropic Messages request body. Pure and thread-safe:
 * the input is never modified and the output shares no node with it. Parameters Anthropic has an equivalent for
 * are mapped; Anthropic's own top-level parameters pass; OpenAI parameters it cannot honour are rejected unless
 * the deployment sets {@code drop_params} (as LiteLLM does); anything else (the gateway's own fields such as
 * {@code metadata}, {@code tags}, {@code fallbacks}) stays behind.
 */
public final class ToAnthropic {
    /** {@code max_tokens} is required by Anthropic; LiteLLM's default for models it knows nothing about. */
    public static final int DEFAULT_MAX_TOKENS = 4096;
    /** LiteLLM's thinking budgets for OpenAI's {@code reasoning_effort} (Anthropic's minimum budget is 1024). */
    static final Map<String, Integer> THINKING_BUDGETS = Map.of("minimal", 1024, "low", 1024, "medium", 2048,
            "high", 4096);
    private static final Set<String> PASSED_AS_IS = Set.of("temperature", "top_p", "top_k", "stream", "container",
            "mcp_servers", "context_management", "output_format", "output_config");
    /** OpenAI parameters Anthropic has no equivalent for. */
    static final Set<String> UNSUPPORTED = Set.of("frequency_penalty", "presence_penalty", "logit_bias",
            "logprobs", "top_logprobs", "n", "seed", "response_format", "modalities", "audio", "prediction",
            "service_tier", "functions", "function_call", "web_search_options", "verbosity");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param body      the Anthropic request body
     * @param toolNames the tool names rewritten for Anthropic, to give answers their caller's names back
     */
    public record Translation(ObjectNode body, ToolNames toolNames) {
    }

    private ToAnthropic() {
    }

    /**
     * @param openAiRequest  an OpenAI chat request ({@code messages} required)
     * @param upstreamModel  the model Anthropic is asked for
     * @param dropUnsupported drop OpenAI parameters Anthropic cannot honour instead of answering 400
     * @throws GatewayException (400) for a request Anthropic cannot be asked
     */
    public static Translation translate(JsonNode openAiRequest, String upstreamModel, boolean dropUnsupported) {
        ToolNames names = ToAnthropicTools.names(openAiRequest);
        ObjectNode body = NODES.objectNode().put("model", upstreamModel);
        ToAnthropicMessages.Converted messages = ToAnthropicMessages.convert(openAiRequest.path("messages"), names);
        if (messages.system() != null) {
            body.set("system", messages.system());
        }
        body.set("messages", messages.messages());
        ObjectNode thinking = thinking(openAiRequest);
        body.put("max_tokens", maxTokens(openAiRequest, thinking));
        if (thinking != null) {
            body.set("thinking", thinking);
        }
        ArrayNode stop = stopSequences(openAiRequest.path("stop"));
        if (!stop.isEmpty()) {
            body.set("stop_sequences", stop);
        }
        if (openAiRequest.path("user").isTextual()) {
            body.putObject("metadata").put("user_id", openAiRequest.path("user").textValue());
        }
        tools(openAiRequest, names, body);
        for (Map.Entry<String, JsonNode> field : openAiRequest.properties()) {
            if (PASSED_AS_IS.contains(field.getKey()) && !field.getValue().isNull()) {
                body.set(field.getKey(), field.getValue().deepCopy());
            } else if (UNSUPPORTED.contains(field.getKey()) && !dropUnsupported && matters(field.getKey(), field.getValue())) {
                throw GatewayException.invalidField(field.getKey(), "anthropic does not support the parameter '"
                        + field.getKey() + "' (to drop it instead, set drop_params: true on the deployment)");
            }
        }
        return new Translation(body, names);
    }

    private static void tools(JsonNode request, ToolNames names, ObjectNode body) {
        JsonNode tools = request.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            // Anthropic refuses a tool_choice without tools; OpenAI clients send "none" that way
            return;
        }
        body.set("tools", ToAnthropicTools.tools(tools, names));
        ObjectNode choice = ToAnthropicTools.toolChoice(request.path("tool_choice"), request.path("parallel_tool_calls"), names);
        if (choice != null) {
            body.set("tool_choice", choice);
        }
    }

    private static int maxTokens(JsonNode request, ObjectNode thinking) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            if (request.path(field).canConvertToInt() && request.path(field).isNumber()) {
                return request.path(field).intValue();
            }
        }
        // the thinking budget counts against max_tokens, which must stay above it
        return DEFAULT_MAX_TOKENS + (thinking == null ? 0 : thinking.path("budget_tokens").asInt(0));
    }

    /** An explicit {@code thinking} object wins over OpenAI's {@code reasoning_effort}. */
    private static ObjectNode thinking(JsonNode request) {
        if (request.path("thinking").isObject()) {
            return request.path("thinking").deepCopy();
        }
        JsonNode effort = request.path("reasoning_effort");
        if (!effort.isTextual() || "none".equals(effort.textValue())) {
            return null;
        }
        Integer budget = THINKING_BUDGETS.get(effort.textValue());
        if (budget == null) {
            throw GatewayException.invalidField("reasoning_effort", "reasoning_effort: '" + effort.textValue()
                    + "' (expected: none, minimal, low, medium or high)");
        }
        return NODES.objectNode().put("type", "enabled").put("budget_tokens", budget);
    }

    /** Anthropic rejects whitespace-only stop sequences, which OpenAI accepts; they are left out. */
    private static ArrayNode stopSequences(JsonNode stop) {
        ArrayNode out = NODES.arrayNode();
        if (stop.isTextual()) {
            addStop(out, stop);
        } else {
            stop.forEach(sequence -> addStop(out, sequence));
        }
        return out;
    }

    private static void addStop(ArrayNode out, JsonNode sequence) {
        if (sequence.isTextual() && !sequence.textValue().isBlank()) {
            out.add(sequence.textValue());
        }
    }

    /** Values that ask for nothing (null, false, n = 1, a plain-text response format) need no support. */
    private static boolean matters(String name, JsonNode value) {
        if (value.isNull() || (value.isBoolean() && !value.booleanValue())) {
            return false;
        }
        return switch (name) {
            case "n" -> value.asInt(1) != 1;
            case "response_format" -> !"text".equals(value.path("type").asText());
            default -> true;
        };
    }
}
