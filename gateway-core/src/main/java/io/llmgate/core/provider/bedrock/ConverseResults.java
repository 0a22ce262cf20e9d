package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

/**
 * What a Converse answer and a ConverseStream share on the way back: its {@code stopReason} as an OpenAI
 * {@code finish_reason}, and its {@code usage} as OpenAI usage.
 */
final class ConverseResults {
    private ConverseResults() {
    }

    static String finishReason(String stopReason) {
        return switch (stopReason == null ? "" : stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "guardrail_intervened", "content_filtered" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence
        };
    }

    /**
     * Converse counts cached prompt tokens apart from {@code inputTokens}; OpenAI's {@code prompt_tokens} includes
     * them, with the cached share in {@code prompt_tokens_details.cached_tokens}. LiteLLM's
     * {@code cache_read_input_tokens} / {@code cache_creation_input_tokens} are added when Bedrock reports either.
     */
    static ObjectNode usage(JsonNode usage) {
        int input = usage.path("inputTokens").asInt(0);
        int output = usage.path("outputTokens").asInt(0);
        int cacheRead = usage.path("cacheReadInputTokens").asInt(0);
        int cacheWrite = usage.path("cacheWriteInputTokens").asInt(0);
        int prompt = input + cacheRead + cacheWrite;
        ObjectNode openAi = Json.mapper().createObjectNode()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", output)
                .put("total_tokens", prompt + output);
        if (usage.has("cacheReadInputTokens") || usage.has("cacheWriteInputTokens")) {
            openAi.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
            openAi.put("cache_read_input_tokens", cacheRead);
            openAi.put("cache_creation_input_tokens", cacheWrite);
        }
        return openAi;
    }
}
