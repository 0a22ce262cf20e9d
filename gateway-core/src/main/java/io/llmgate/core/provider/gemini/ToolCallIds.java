package io.llmgate.core.provider.gemini;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gemini calls tools by name and has no call ids, so the gateway invents OpenAI ones. Gemini 3 also signs
 * each function call ({@code thoughtSignature}) and rejects a follow-up turn that omits the signature; as
 * LiteLLM does, the signature rides inside the id the client echoes back, and is restored from it.
 */
public final class ToolCallIds {
    private static final String SIGNATURE_MARK = "__thought__";

    private ToolCallIds() {
    }

    /** A fresh id, carrying {@code thoughtSignature} when Gemini sent one (null otherwise). */
    public static String newId(String thoughtSignature) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = "call_" + Long.toHexString(random.nextLong() >>> 1) + Long.toHexString(random.nextLong() >>> 1);
        return thoughtSignature == null || thoughtSignature.isEmpty() ? id : id + SIGNATURE_MARK + thoughtSignature;
    }

    /** The thought signature an id minted by {@link #newId} carries. */
    static Optional<String> signature(String id) {
        int mark = id == null ? -1 : id.indexOf(SIGNATURE_MARK);
        return mark < 0 ? Optional.empty() : Optional.of(id.substring(mark + SIGNATURE_MARK.length()));
    }
}
