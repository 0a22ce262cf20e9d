package io.llmgate.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * LiteLLM's {@code router_settings} (with the {@code litellm_settings} keys that mean the same, which
 * {@code router_settings} overrides).
 *
 * @param numRetries          retries of one model group before its fallbacks are tried
 * @param retryAfter          the shortest wait before any retry
 * @param retryPolicy         retries per error class, overriding {@code numRetries} ({@code RateLimitErrorRetries}, ...)
 * @param allowedFails        failures per minute a deployment may have before it is cooled down
 * @param allowedFailsPolicy  the same per error class ({@code RateLimitErrorAllowedFails}, ...)
 * @param cooldownTime        how long a cooled-down deployment receives no traffic
 * @param timeout             router-wide default of a deployment's {@code timeout}
 * @param streamTimeout       router-wide default of a deployment's {@code stream_timeout}
 * @param modelGroupAlias     public alias → the model group it stands for
 * @param defaultMaxParallelRequests per-deployment concurrency limit when a deployment names none
 */
public record RouterSettings(Strategy strategy, double lowestLatencyBuffer, int numRetries, Duration retryAfter,
                             Map<ErrorClass, Integer> retryPolicy, int allowedFails,
                             Map<ErrorClass, Integer> allowedFailsPolicy, Duration cooldownTime,
                             boolean disableCooldowns, FallbackRules fallbacks, int maxFallbacks,
                             Optional<Duration> timeout, Optional<Duration> streamTimeout, boolean enablePreCallChecks,
                             Map<String, GroupAlias> modelGroupAlias, OptionalInt defaultMaxParallelRequests) {
    /** LiteLLM's defaults: 3 allowed fails a minute, 5 s cooldowns, 5 fallbacks at most. */
    public static final int DEFAULT_ALLOWED_FAILS = 3;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_FALLBACKS = 5;
    /** The router's retries when neither settings section names any (OpenAI SDK's DEFAULT_MAX_RETRIES). */
    public static final int DEFAULT_NUM_RETRIES = 2;

    public RouterSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(retryAfter, "retryAfter");
        retryPolicy = Map.copyOf(retryPolicy);
        allowedFailsPolicy = Map.copyOf(allowedFailsPolicy);
        Objects.requireNonNull(cooldownTime, "cooldownTime");
        Objects.requireNonNull(fallbacks, "fallbacks");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        modelGroupAlias = Map.copyOf(modelGroupAlias);
        Objects.requireNonNull(defaultMaxParallelRequests, "defaultMaxParallelRequests");
    }

    public static RouterSettings defaults() {
        return new RouterSettings(Strategy.SIMPLE_SHUFFLE, 0, DEFAULT_NUM_RETRIES, Duration.ZERO, Map.of(),
                DEFAULT_ALLOWED_FAILS, Map.of(), DEFAULT_COOLDOWN, false, FallbackRules.NONE, DEFAULT_MAX_FALLBACKS,
                Optional.empty(), Optional.empty(), false, Map.of(), OptionalInt.empty());
    }

    /** The retries an error of {@code kind} gets: its {@code retry_policy} entry, else {@code numRetries}. */
    public int retriesFor(ErrorClass kind) {
        return retryPolicy.getOrDefault(kind, numRetries);
    }

    /** {@code routing_strategy} values (LiteLLM's names; {@code usage-based-routing} is served by v2). */
    public enum Strategy {
        SIMPLE_SHUFFLE("simple-shuffle"),
        LEAST_BUSY("least-busy"),
        LATENCY_BASED("latency-based-routing"),
        USAGE_BASED("usage-based-routing-v2"),
        COST_BASED("cost-based-routing");

        private final String configName;

        Strategy(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        static Optional<Strategy> named(String name) {
            String wanted = "usage-based-routing".equals(name) ? USAGE_BASED.configName : name;
            for (Strategy s : values()) {
                if (s.configName.equals(wanted)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** The error classes {@code retry_policy} and {@code allowed_fails_policy} name (LiteLLM's exception names). */
    public enum ErrorClass {
        BAD_REQUEST("BadRequestError"),
        AUTHENTICATION("AuthenticationError"),
        TIMEOUT("TimeoutError"),
        RATE_LIMIT("RateLimitError"),
        CONTENT_POLICY("ContentPolicyViolationError"),
        INTERNAL_SERVER("InternalServerError");

        private final String exceptionName;

        ErrorClass(String exceptionName) {
            this.exceptionName = exceptionName;
        }

        public String exceptionName() {
            return exceptionName;
        }
    }

    /** A {@code model_group_alias} entry: {@code alias: group} or {@code alias: {model: group, hidden: true}}. */
    public record GroupAlias(String group, boolean hidden) {
        public GroupAlias {
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * The three fallback tables (model group → groups to try in order, {@code "*"} matching any group) and
     * {@code default_fallbacks}, used for any group without its own entry in {@code fallbacks}.
     */
    public record FallbackRules(Map<String, List<String>> general, Map<String, List<String>> contextWindow,
                                Map<String, List<String>> contentPolicy, List<String> defaults) {
        public static final FallbackRules NONE = new FallbackRules(Map.of(), Map.of(), Map.of(), List.of());

        public FallbackRules {
            general = Map.copyOf(general);
            contextWindow = Map.copyOf(contextWindow);
            contentPolicy = Map.copyOf(contentPolicy);
            defaults = List.copyOf(defaults);
        }
    }
}
