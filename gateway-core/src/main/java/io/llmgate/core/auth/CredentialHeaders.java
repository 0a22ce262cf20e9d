package io.llmgate.core.auth;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where callers put their key, in LiteLLM's order: {@code x-litellm-api-key}, {@code Authorization:
 * Bearer}, Azure's {@code api-key}, Anthropic's {@code x-api-key}.
 */
public final class CredentialHeaders {
    private static final String BEARER = "bearer ";

    private CredentialHeaders() {
    }

    /** @param header returns the first value of a request header (case-insensitive name), or null */
    public static Optional<String> presentedKey(UnaryOperator<String> header) {
        String key = header.apply("x-litellm-api-key");
        if (isBlank(key)) {
            String authorization = header.apply("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                key = authorization.substring(BEARER.length());
            }
        }
        if (isBlank(key)) {
            key = header.apply("api-key");
        }
        if (isBlank(key)) {
            key = header.apply("x-api-key");
        }
        return isBlank(key) ? Optional.empty() : Optional.of(key.trim());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
