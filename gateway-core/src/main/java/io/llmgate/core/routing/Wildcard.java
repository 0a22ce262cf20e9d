package io.llmgate.core.routing;

/** A model group name with one {@code *} (LiteLLM's {@code openai/*}, {@code *}) matched against a requested model. */
final class Wildcard {
    private Wildcard() {
    }

    /** What the {@code *} of {@code pattern} matched in {@code requested}, or null when it does not match. */
    static String match(String pattern, String requested) {
        int star = pattern.indexOf('*');
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        if (requested.length() < prefix.length() + suffix.length() || requested.isEmpty()
                || !requested.startsWith(prefix) || !requested.endsWith(suffix)) {
            return null;
        }
        String matched = requested.substring(prefix.length(), requested.length() - suffix.length());
        return matched.isEmpty() ? null : matched;
    }
}
