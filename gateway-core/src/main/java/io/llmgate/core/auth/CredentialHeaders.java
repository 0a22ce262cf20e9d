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
        String key = withoutBearer(header.apply("x-litellm-api-key"));
        if (isBlank(key)) {
            String authorization = header.apply("Authorization");
            if (authorization != null && hasBearer(authorization)) {
                key = authorization.substring(BEARER.length());
            }
        }
        if (isBlank(key)) {
            key = withoutBearer(header.apply("api-key"));
        }
        if (isBlank(key)) {
            key = withoutBearer(header.apply("x-api-key"));
        }
        return isBlank(key) ? Optional.empty() : Optional.of(key.trim());
    }

    /** LiteLLM accepts {@code Bearer <key>} in its other key headers too. */
    private static String withoutBearer(String value) {
        return value != null && hasBearer(value) ? value.substring(BEARER.length()) : value;
    }

    private static boolean hasBearer(String value) {
        return value.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
