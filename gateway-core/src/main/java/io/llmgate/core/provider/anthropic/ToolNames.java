package io.llmgate.core.provider.anthropic;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request's tool-name maps. Anthropic accepts only names matching {@code ^[a-zA-Z0-9_-]{1,128}$}, while
 * OpenAI callers use others (MCP tools generated from OpenAPI operation ids such as {@code actions/get-logs}).
 * Invalid names are rewritten (invalid characters to {@code _}, at most 128 characters, {@code tool} when
 * nothing is left); valid names and reserved (hosted) names are claimed first, so whatever the order a
 * rewritten name never takes one of them, and a rewritten name that collides gets {@code _2}, {@code _3}, ...
 * Only rewritten names have a reverse entry. Immutable; it lives beside the request, never inside a body.
 */
public final class ToolNames {
    /** Longest name Anthropic accepts. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final ToolNames NONE = new ToolNames(Map.of(), Map.of());

    private final Map<String, String> forward;
    private final Map<String, String> reverse;

    private ToolNames(Map<String, String> forward, Map<String, String> reverse) {
        this.forward = Map.copyOf(forward);
        this.reverse = Map.copyOf(reverse);
    }

    /** No tools, nothing renamed. */
    public static ToolNames none() {
        return NONE;
    }

    /**
     * @param names    every tool name the request uses (definitions, tool_choice, earlier tool calls), in order;
     *                 repeats are mapped once
     * @param reserved names Anthropic owns (hosted tools), never renamed and never given to another tool
     */
    public static ToolNames of(List<String> names, Collection<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        names.stream().filter(ToolNames::isValid).forEach(taken::add);
        Map<String, String> forward = new HashMap<>();
        Map<String, String> reverse = new HashMap<>();
        for (String name : names) {
            if (isValid(name) || forward.containsKey(name)) {
                continue;
            }
            String rewritten = unused(sanitize(name), taken);
            taken.add(rewritten);
            forward.put(name, rewritten);
            reverse.put(rewritten, name);
        }
        return forward.isEmpty() ? NONE : new ToolNames(forward, reverse);
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** The name Anthropic sees for the caller's {@code name}. */
    public String toAnthropic(String name) {
        return forward.getOrDefault(name, name);
    }

    /** The caller's name for a tool Anthropic calls {@code name}; names never rewritten come back as they are. */
    public String toCaller(String name) {
        return reverse.getOrDefault(name, name);
    }

    public boolean renamesAny() {
        return !forward.isEmpty();
    }

    static String sanitize(String name) {
        String replaced = INVALID_CHARACTER.matcher(name).replaceAll("_");
        if (replaced.isEmpty()) {
            return "tool";
        }
        return replaced.length() > MAX_LENGTH ? replaced.substring(0, MAX_LENGTH) : replaced;
    }

    private static String unused(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = "_" + n;
            candidate = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
    }

    @Override
    public String toString() {
        return "ToolNames" + forward;
    }
}
