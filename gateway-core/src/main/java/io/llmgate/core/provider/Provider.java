package io.llmgate.core.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider prefix ({@code openai}, {@code groq}, ...) and what the gateway needs to reach it.
 *
 * @param defaultApiBase base URL used when a deployment gives no {@code api_base}; empty = api_base required
 * @param apiKeyEnv      environment variable read when a deployment gives no {@code api_key}, if any
 */
public record Provider(String name, Optional<String> defaultApiBase, Optional<String> apiKeyEnv, ProviderAdapter adapter) {
    public Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultApiBase, "defaultApiBase");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(adapter, "adapter");
    }
}
