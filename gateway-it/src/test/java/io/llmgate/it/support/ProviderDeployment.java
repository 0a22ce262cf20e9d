package io.llmgate.it.support;

import io.llmgate.testkit.provider.ProviderFake;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A provider the integration suite runs against: how to start its fake, and the {@code model_list}
 * entries (YAML list items starting at column 0) pointing at it. Every entry in
 * {@link ProviderDeployments#ALL} is started before the servers boot and written into the config file.
 *
 * @param name        the provider's name, as {@code llm_provider} reports it and {@link GatewayEnvironment#provider} finds it
 * @param start       starts the fake
 * @param modelList   the fake's {@code api_base} to the YAML list items
 */
public record ProviderDeployment(String name, Supplier<ProviderFake> start, Function<String, String> modelList) {
    public ProviderDeployment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(modelList, "modelList");
    }
}
