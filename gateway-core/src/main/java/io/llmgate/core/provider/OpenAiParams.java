package io.llmgate.core.provider;

import io.llmgate.core.request.InferenceEndpoint;

import java.util.Set;

/**
 * The optional request parameters OpenAI defines for each endpoint: the names {@link DropParams} judges against a
 * provider's {@link SupportedParams}. The payload fields ({@code model}, {@code messages}, {@code prompt},
 * {@code input}) and {@code stream} are not in these sets: every adapter must handle them.
 */
public final class OpenAiParams {
    private static final Set<String> CHAT = Set.of("frequency_penalty", "logit_bias", "logprobs", "top_logprobs",
            "max_tokens", "max_completion_tokens", "n", "presence_penalty", "response_format", "seed", "stop",
            "stream_options", "temperature", "top_p", "tools", "tool_choice", "parallel_tool_calls", "user", "functions",
            "function_call", "reasoning_effort", "modalities", "audio", "prediction", "service_tier", "store",
            "web_search_options", "verbosity", "prompt_cache_key", "safety_identifier");
    private static final Set<String> COMPLETIONS = Set.of("best_of", "echo", "frequency_penalty", "logit_bias",
            "logprobs", "max_tokens", "n", "presence_penalty", "seed", "stop", "stream_options", "suffix", "temperature",
            "top_p", "user");
    private static final Set<String> EMBEDDINGS = Set.of("dimensions", "encoding_format", "user");

    private OpenAiParams() {
    }

    public static Set<String> of(InferenceEndpoint endpoint) {
        return switch (endpoint) {
            case CHAT_COMPLETIONS -> CHAT;
            case COMPLETIONS -> COMPLETIONS;
            case EMBEDDINGS -> EMBEDDINGS;
            // Anthropic's format: its requests reach an OpenAI-format adapter only after translation
            case MESSAGES -> Set.of();
        };
    }
}
