package io.llmgate.core.routing;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.RouterSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which model groups to try, in order, once a group's retries are spent: {@code context_window_fallbacks}
 * for a context-window error, {@code content_policy_fallbacks} for a refused prompt, else {@code fallbacks}
 * (an entry for the group, else for {@code "*"}), else {@code default_fallbacks}. A caller's own
 * {@code fallbacks} replace the configured general ones. Plain invalid requests never fall back: another
 * model would refuse them too. At most {@code max_fallbacks} groups.
 */
public final class FallbackChooser {
    private final RouterSettings settings;

    public FallbackChooser(RouterSettings settings) {
        this.settings = settings;
    }

    public List<String> choose(String group, GatewayException error, Optional<List<String>> requested) {
        List<String> chosen = switch (error.type()) {
            case CONTEXT_WINDOW_EXCEEDED -> entry(settings.fallbacks().contextWindow(), group)
                    .orElseGet(() -> general(group, requested));
            case CONTENT_POLICY -> entry(settings.fallbacks().contentPolicy(), group)
                    .orElseGet(() -> general(group, requested));
            case INVALID_REQUEST, REQUEST_TOO_LARGE -> error.status() == 404 ? general(group, requested) : List.of();
            default -> general(group, requested);
        };
        List<String> others = chosen.stream().filter(name -> !name.equals(group)).toList();
        return others.size() <= settings.maxFallbacks() ? others : others.subList(0, settings.maxFallbacks());
    }

    private List<String> general(String group, Optional<List<String>> requested) {
        if (requested.isPresent()) {
            return requested.get();
        }
        return entry(settings.fallbacks().general(), group).orElse(settings.fallbacks().defaults());
    }

    private static Optional<List<String>> entry(Map<String, List<String>> table, String group) {
        List<String> own = table.get(group);
        return Optional.ofNullable(own != null ? own : table.get("*"));
    }
}
