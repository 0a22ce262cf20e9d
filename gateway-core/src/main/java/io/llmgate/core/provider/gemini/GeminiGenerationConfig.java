package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.util.Map;

/**
 * The OpenAI sampling and output parameters as Gemini's {@code generationConfig}. Parameters Gemini has no
 * counterpart for ({@code user}, {@code logit_bias}, {@code parallel_tool_calls}, ...) are left out.
 */
final class GeminiGenerationConfig {
    /** Renamed one to one; values pass unchanged. */
    private static final Map<String, String> RENAMED = Map.of(
            "temperature", "temperature",
            "top_p", "topP",
            "top_k", "topK",
            "n", "candidateCount",
            "seed", "seed",
            "presence_penalty", "presencePenalty",
            "frequency_penalty", "frequencyPenalty");
    /** LiteLLM's thinking budgets for OpenAI's {@code reasoning_effort}. */
    private static final Map<String, Integer> THINKING_BUDGET = Map.of(
            "minimal", 128, "low", 1024, "medium", 2048, "high", 4096, "none", 0, "disable", 0);

    private GeminiGenerationConfig() {
    }

    /** The generation config for {@code body}, empty when it sets none of these parameters. */
    static ObjectNode of(JsonNode body) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        RENAMED.forEach((openAi, gemini) -> {
            JsonNode value = body.get(openAi);
            if (value != null && !value.isNull()) {
                config.set(gemini, value.deepCopy());
            }
        });
        JsonNode maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull()) {
            config.set("maxOutputTokens", maxTokens.deepCopy());
        }
        stop(body.path("stop"), config);
        responseFormat(body.path("response_format"), config);
        thinking(body.path("reasoning_effort"), config);
        return config;
    }

    private static void stop(JsonNode stop, ObjectNode config) {
        if (stop.isTextual()) {
            config.putArray("stopSequences").add(stop.textValue());
        } else if (stop.isArray() && !stop.isEmpty()) {
            ArrayNode sequences = config.putArray("stopSequences");
            stop.forEach(sequence -> sequences.add(sequence.asText()));
        }
    }

    private static void responseFormat(JsonNode format, ObjectNode config) {
        switch (format.path("type").asText("")) {
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                config.put("responseMimeType", "application/json");
                JsonNode schema = format.path("json_schema").path("schema");
                if (schema.isObject()) {
                    config.set("responseSchema", GeminiSchema.clean(schema));
                }
            }
            case "", "text" -> {
                // Gemini's default
            }
            default -> throw GatewayException.invalidField("response_format.type", "response_format.type: \""
                    + format.path("type").asText() + "\" (expected: text, json_object or json_schema)");
        }
    }

    private static void thinking(JsonNode effort, ObjectNode config) {
        if (!effort.isTextual()) {
            return;
        }
        Integer budget = THINKING_BUDGET.get(effort.textValue());
        if (budget == null) {
            throw GatewayException.invalidField("reasoning_effort", "reasoning_effort: \"" + effort.textValue()
                    + "\" (expected: none, minimal, low, medium or high)");
        }
        ObjectNode thinking = config.putObject("thinkingConfig").put("thinkingBudget", budget);
        if (budget > 0) {
            thinking.put("includeThoughts", true);
        }
    }
}
