package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.config.RouterSettings.ErrorClass;
import io.llmgate.core.config.RouterSettings.FallbackRules;
import io.llmgate.core.config.RouterSettings.GroupAlias;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds {@code router_settings}; the keys {@code litellm_settings} shares with it ({@code num_retries},
 * the fallback lists, {@code allowed_fails}, {@code request_timeout}) apply where {@code router_settings}
 * is silent, as in LiteLLM.
 */
final class RouterSettingsReader {
    private static final System.Logger LOG = System.getLogger(RouterSettingsReader.class.getName());
    private static final Set<String> UNDERSTOOD = Set.of("routing_strategy", "routing_strategy_args", "num_retries",
            "retry_after", "retry_policy", "allowed_fails", "allowed_fails_policy", "cooldown_time", "disable_cooldowns",
            "fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "default_fallbacks", "max_fallbacks",
            "timeout", "stream_timeout", "enable_pre_call_checks", "model_group_alias", "default_max_parallel_requests");
    /** litellm_settings keys this reader consumes. */
    static final Set<String> LITELLM_KEYS = Set.of("num_retries", "allowed_fails", "fallbacks", "default_fallbacks",
            "context_window_fallbacks", "content_policy_fallbacks", "request_timeout");

    private final String file;

    RouterSettingsReader(String file) {
        this.file = file;
    }

    RouterSettings read(FieldReader router, FieldReader litellm) {
        logIgnored(router);
        RouterSettings defaults = RouterSettings.defaults();
        RouterSettings.Strategy strategy = router.string("routing_strategy").map(name -> RouterSettings.Strategy.named(name)
                .orElseThrow(() -> new ConfigException(router.path("routing_strategy") + " is \"" + name
                        + "\"; expected one of simple-shuffle, least-busy, latency-based-routing, "
                        + "usage-based-routing-v2, cost-based-routing"))).orElse(defaults.strategy());
        FieldReader args = router.object("routing_strategy_args");
        double buffer = args.number("lowest_latency_buffer").orElse(0);
        int numRetries = count(router, "num_retries").or(() -> count(litellm, "num_retries")).orElse(defaults.numRetries());
        int allowedFails = count(router, "allowed_fails").or(() -> count(litellm, "allowed_fails"))
                .orElse(defaults.allowedFails());
        Optional<Duration> timeout = router.seconds("timeout").or(() -> litellm.seconds("request_timeout"));
        FallbackRules fallbacks = new FallbackRules(
                table(router, litellm, "fallbacks"), table(router, litellm, "context_window_fallbacks"),
                table(router, litellm, "content_policy_fallbacks"), defaultFallbacks(router, litellm));
        OptionalLong maxParallel = router.integer("default_max_parallel_requests");
        router.positive("default_max_parallel_requests");
        return new RouterSettings(strategy, buffer, numRetries,
                router.secondsOrZero("retry_after").orElse(Duration.ZERO), policy(router.object("retry_policy"), "Retries"),
                allowedFails, policy(router.object("allowed_fails_policy"), "AllowedFails"),
                router.seconds("cooldown_time").orElse(defaults.cooldownTime()),
                router.bool("disable_cooldowns").orElse(false), fallbacks,
                count(router, "max_fallbacks").orElse(defaults.maxFallbacks()),
                timeout, router.seconds("stream_timeout"), router.bool("enable_pre_call_checks").orElse(false),
                aliases(router), maxParallel.isPresent() ? OptionalInt.of((int) maxParallel.getAsLong()) : OptionalInt.empty());
    }

    private static Optional<Integer> count(FieldReader reader, String field) {
        OptionalLong value = reader.integer(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.getAsLong() < 0 || value.getAsLong() > 1000) {
            throw new ConfigException(reader.path(field) + " must be between 0 and 1000, got " + value.getAsLong());
        }
        return Optional.of((int) value.getAsLong());
    }

    /** {@code retry_policy: {RateLimitErrorRetries: 3}} → RATE_LIMIT → 3. */
    private static Map<ErrorClass, Integer> policy(FieldReader section, String suffix) {
        Map<ErrorClass, Integer> values = new EnumMap<>(ErrorClass.class);
        List<String> keys = new ArrayList<>();
        section.node().fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            ErrorClass kind = null;
            for (ErrorClass candidate : ErrorClass.values()) {
                if ((candidate.exceptionName() + suffix).equals(key)) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw new ConfigException(section.path(key) + " is not a known error class (expected e.g. RateLimitError"
                        + suffix + ", InternalServerError" + suffix + ")");
            }
            values.put(kind, count(section, key).orElse(0));
        }
        return values;
    }

    private Map<String, List<String>> table(FieldReader router, FieldReader litellm, String field) {
        FieldReader source = router.node().hasNonNull(field) ? router : litellm;
        JsonNode list = source.node().get(field);
        Map<String, List<String>> table = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return table;
        }
        if (!list.isArray()) {
            throw new ConfigException(source.path(field) + " must be a list of {model_group: [fallback groups]}, got "
                    + FieldReader.describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = source.path(field) + "[" + i + "]";
            if (!entry.isObject()) {
                throw new ConfigException(at + " must be a mapping {model_group: [fallback groups]}, got "
                        + FieldReader.describe(entry));
            }
            entry.properties().forEach(e -> table.put(e.getKey(), names(at + "." + e.getKey(), e.getValue())));
        }
        return table;
    }

    private List<String> defaultFallbacks(FieldReader router, FieldReader litellm) {
        FieldReader source = router.node().hasNonNull("default_fallbacks") ? router : litellm;
        JsonNode list = source.node().get("default_fallbacks");
        return list == null || list.isNull() ? List.of() : names(source.path("default_fallbacks"), list);
    }

    private static List<String> names(String at, JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            throw new ConfigException(at + " must be a list of model group names, got " + FieldReader.describe(value));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : value) {
            if (!name.isTextual() || name.textValue().isBlank()) {
                throw new ConfigException(at + " must be a list of model group names, got an element that is "
                        + FieldReader.describe(name));
            }
            names.add(name.textValue());
        }
        return names;
    }

    private static Map<String, GroupAlias> aliases(FieldReader router) {
        FieldReader section = router.object("model_group_alias");
        Map<String, GroupAlias> aliases = new LinkedHashMap<>();
        section.node().properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                aliases.put(e.getKey(), new GroupAlias(value.textValue(), false));
            } else if (value.isObject()) {
                FieldReader alias = section.object(e.getKey());
                aliases.put(e.getKey(), new GroupAlias(alias.requiredString("model"), alias.bool("hidden").orElse(false)));
            } else {
                throw new ConfigException(section.path(e.getKey()) + " must be a model group name or {model, hidden}, got "
                        + FieldReader.describe(value));
            }
        });
        return aliases;
    }

    private void logIgnored(FieldReader router) {
        List<String> ignored = new ArrayList<>();
        router.node().fieldNames().forEachRemaining(key -> {
            if (!UNDERSTOOD.contains(key)) {
                ignored.add(key);
            }
        });
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0}: router_settings {1} not supported by this version yet; ignored", file, ignored);
        }
    }
}
