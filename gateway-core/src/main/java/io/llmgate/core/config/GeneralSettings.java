package io.llmgate.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code general_settings} the gateway honours.
 *
 * @param masterKey              the admin key ({@code master_key}, or env {@code LITELLM_MASTER_KEY})
 * @param databaseUrl            {@code database_url}; the persistence module also reads env and system properties
 * @param maxRequestBytes        {@code max_request_size_mb}: larger bodies get 413
 * @param maxResponseBytes       {@code max_response_size_mb}: larger non-streaming upstream bodies fail with 502
 * @param globalMaxParallelRequests {@code global_max_parallel_requests}: in-flight calls above it get 429
 * @param backgroundHealthChecks {@code background_health_checks}: probe every deployment periodically, serve
 *                               {@code GET /health} from the last result and let the router skip unhealthy ones
 * @param healthCheckInterval    {@code health_check_interval}: time between background checks (LiteLLM: 300 s)
 */
public record GeneralSettings(Optional<Secret> masterKey, Optional<String> databaseUrl,
                              long maxRequestBytes, long maxResponseBytes, OptionalLong globalMaxParallelRequests,
                              boolean backgroundHealthChecks, Duration healthCheckInterval) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 32L * 1024 * 1024;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(300);

    public GeneralSettings {
        Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
    }

    /** Settings without background health checks. */
    public GeneralSettings(Optional<Secret> masterKey, Optional<String> databaseUrl, long maxRequestBytes,
                           long maxResponseBytes, OptionalLong globalMaxParallelRequests) {
        this(masterKey, databaseUrl, maxRequestBytes, maxResponseBytes, globalMaxParallelRequests, false,
                DEFAULT_HEALTH_CHECK_INTERVAL);
    }

    /** The database URL may carry a password: only whether one is set is shown. */
    @Override
    public String toString() {
        return "GeneralSettings[masterKey=" + masterKey.map(k -> "****").orElse("none")
                + ", databaseUrl=" + databaseUrl.map(u -> "****").orElse("none")
                + ", maxRequestBytes=" + maxRequestBytes + ", maxResponseBytes=" + maxResponseBytes
                + ", globalMaxParallelRequests=" + globalMaxParallelRequests
                + ", backgroundHealthChecks=" + backgroundHealthChecks + ", healthCheckInterval=" + healthCheckInterval + "]";
    }

    public static GeneralSettings defaults() {
        return new GeneralSettings(Optional.empty(), Optional.empty(), DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES,
                OptionalLong.empty());
    }
}
