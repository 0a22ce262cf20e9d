package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anthropic's token counts, gathered from a message or from a stream (where {@code message_start} and
 * {@code message_delta} each carry part of them), as OpenAI usage. Anthropic's {@code input_tokens} excludes
 * cached input, so the prompt count adds cache reads and writes back, as LiteLLM does.
 */
final class AnthropicUsage {
    private long input;
    private long output;
    private long cacheRead;
    private long cacheCreation;

    /** Takes the counts {@code usage} carries; later counts replace earlier ones (stream counts are cumulative). */
    AnthropicUsage merge(JsonNode usage) {
        input = count(usage, "input_tokens", input);
        output = count(usage, "output_tokens", output);
        cacheRead = count(usage, "cache_read_input_tokens", cacheRead);
        cacheCreation = count(usage, "cache_creation_input_tokens", cacheCreation);
        return this;
    }

    ObjectNode toOpenAi() {
        long prompt = input + cacheRead + cacheCreation;
        ObjectNode usage = JsonNodeFactory.instance.objectNode()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", output)
                .put("total_tokens", prompt + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        usage.put("cache_creation_input_tokens", cacheCreation);
        usage.put("cache_read_input_tokens", cacheRead);
        return usage;
    }

    private static long count(JsonNode usage, String field, long previous) {
        JsonNode value = usage.path(field);
        return value.isNumber() ? value.asLong() : previous;
    }
}
