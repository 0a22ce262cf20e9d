package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token counts for one answer. The fake has no tokenizer, so it estimates deterministically:
 * one token per four characters, at least one, which is close enough to OpenAI's averages for
 * spend and budget tests that only need stable numbers.
 */
record Usage(int promptTokens, int completionTokens) {

    static int estimateTokens(int characters) {
        return Math.max(1, characters / 4);
    }

    static Usage estimate(int promptCharacters, String completion) {
        return new Usage(estimateTokens(promptCharacters), estimateTokens(completion.length()));
    }

    int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The chat shape, with the detail objects OpenAI always includes. */
    ObjectNode chatJson() {
        ObjectNode usage = completionJson();
        usage.putObject("prompt_tokens_details")
                .put("cached_tokens", 0)
                .put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }

    /** The legacy completions shape: the three counts only. */
    ObjectNode completionJson() {
        return Json.object()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", totalTokens());
    }
}
