package io.llmgate.testkit.upstream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scenarios scripted per upstream model: a standing one, and one for a model's next few requests only,
 * which takes precedence while it lasts. Thread-safe: concurrent requests each take one of the first answers.
 */
final class Scripts {
    private final Map<String, Scenario> standing = new ConcurrentHashMap<>();
    private final Map<String, FirstAnswers> first = new ConcurrentHashMap<>();

    /** {@code scenario} for the next {@code remaining} requests. */
    private record FirstAnswers(Scenario scenario, AtomicInteger remaining) {
        boolean take() {
            return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    void standing(String model, Scenario scenario) {
        standing.put(model, scenario);
    }

    void first(String model, int times, Scenario scenario) {
        if (times < 0) {
            throw new IllegalArgumentException("times: " + times + " (expected: >= 0)");
        }
        first.put(model, new FirstAnswers(scenario, new AtomicInteger(times)));
    }

    /** The scenario for one more request for {@code model}, using up one of its first answers if any are left. */
    Optional<Scenario> next(String model) {
        FirstAnswers pending = first.get(model);
        if (pending != null && pending.take()) {
            return Optional.of(pending.scenario());
        }
        return Optional.ofNullable(standing.get(model));
    }

    /** Every model with a script, for the model list. */
    List<String> models() {
        Set<String> models = new LinkedHashSet<>(standing.keySet());
        models.addAll(first.keySet());
        return List.copyOf(models);
    }

    void clear() {
        standing.clear();
        first.clear();
    }
}
