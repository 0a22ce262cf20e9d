package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

/**
 * How an OpenAI answer ended, as Anthropic reports it: the stop reason for a finish reason, and the usage.
 * Anthropic counts cache reads apart from {@code input_tokens}, so OpenAI's cached prompt tokens move from
 * the one to {@code cache_read_input_tokens}.
 */
final class OpenAiToAnthropicFinish {
    private OpenAiToAnthropicFinish() {
    }

    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    /** Anthropic's usage object for OpenAI's {@code usage} (missing: zeros). */
    static ObjectNode usage(JsonNode openAi) {
        long cached = openAi.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        return Json.mapper().createObjectNode()
                .put("input_tokens", Math.max(0, openAi.path("prompt_tokens").asLong(0) - cached))
                .put("output_tokens", openAi.path("completion_tokens").asLong(0))
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", cached);
    }
}
