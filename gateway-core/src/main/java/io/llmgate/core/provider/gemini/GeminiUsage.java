package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata} as OpenAI {@code usage}. OpenAI counts reasoning inside completion tokens,
 * Gemini counts thoughts apart ({@code thoughtsTokenCount}), so completion tokens are their sum and the
 * thoughts are repeated as {@code reasoning_tokens}; cached prompt tokens become {@code cached_tokens}.
 */
final class GeminiUsage {
    private GeminiUsage() {
    }

    static ObjectNode toOpenAi(JsonNode usage) {
        int prompt = usage.path("promptTokenCount").asInt(0);
        int thoughts = usage.path("thoughtsTokenCount").asInt(0);
        int completion = usage.path("candidatesTokenCount").asInt(0) + thoughts;
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", usage.path("totalTokenCount").asInt(prompt + completion));
        if (usage.has("cachedContentTokenCount")) {
            out.putObject("prompt_tokens_details").put("cached_tokens", usage.get("cachedContentTokenCount").asInt());
        }
        if (thoughts > 0) {
            out.putObject("completion_tokens_details").put("reasoning_tokens", thoughts);
        }
        return out;
    }
}
