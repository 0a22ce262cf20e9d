package io.llmgate.core.provider.gemini;

import java.util.Set;

/** Gemini's {@code finishReason} as OpenAI's {@code finish_reason}. */
final class GeminiFinishReason {
    /** Every reason Gemini gives for withholding or cutting output on policy grounds. */
    static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII",
            "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");

    private GeminiFinishReason() {
    }

    /** @param calledTools whether the candidate called a function: OpenAI then reports {@code tool_calls} */
    static String toOpenAi(String reason, boolean calledTools) {
        if ("MAX_TOKENS".equals(reason)) {
            return "length";
        }
        if (FILTERED.contains(reason)) {
            return "content_filter";
        }
        return calledTools ? "tool_calls" : "stop";
    }
}
