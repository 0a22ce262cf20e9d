package io.llmgate.core.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider prefix ({@code openai}, {@code groq}, ...) and what the gateway needs to reach it.
 *
 * @param defaultApiBase base URL used when a deployment gives no {@code api_base} and no {@code apiBaseEnvs} is set;
 *                       empty = api_base required
 * @param apiBaseEnvs    environment variables read, in order, when a deployment gives no {@code api_base}
 * @param apiKeyEnvs     environment variables read, in order, when a deployment gives no {@code api_key}
 */
public record Provider(String name, Optional<String> defaultApiBase, List<String> apiBaseEnvs, List<String> apiKeyEnvs,
                       ProviderAdapter adapter) {
    public Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultApiBase, "defaultApiBase");
        apiBaseEnvs = List.copyOf(apiBaseEnvs);
        apiKeyEnvs = List.copyOf(apiKeyEnvs);
        Objects.requireNonNull(adapter, "adapter");
    }

    /** A provider whose key may come from one environment variable and whose base URL only from the config. */
    public Provider(String name, Optional<String> defaultApiBase, Optional<String> apiKeyEnv, ProviderAdapter adapter) {
        this(name, defaultApiBase, List.of(), apiKeyEnv.stream().toList(), adapter);
    }
}
