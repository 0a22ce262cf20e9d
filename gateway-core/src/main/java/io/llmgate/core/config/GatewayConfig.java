package io.llmgate.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's configuration as read from a LiteLLM-style {@code config.yaml}: the deployments of
 * {@code model_list} and the parts of {@code general_settings}, {@code litellm_settings} and {@code router_settings} this version understands.
 *
 * @param source where it was read from, or empty when no file existed
 */
public record GatewayConfig(Optional<String> source, List<DeploymentConfig> models, GeneralSettings general,
                            LitellmSettings litellm, RouterSettings router) {
    public GatewayConfig {
        Objects.requireNonNull(source, "source");
        models = List.copyOf(models);
        Objects.requireNonNull(general, "general");
        Objects.requireNonNull(litellm, "litellm");
        Objects.requireNonNull(router, "router");
    }

    /** A configuration with default {@code router_settings}. */
    public GatewayConfig(Optional<String> source, List<DeploymentConfig> models, GeneralSettings general,
                         LitellmSettings litellm) {
        this(source, models, general, litellm, RouterSettings.defaults());
    }

    /** A configuration with default {@code litellm_settings}. */
    public GatewayConfig(Optional<String> source, List<DeploymentConfig> models, GeneralSettings general) {
        this(source, models, general, LitellmSettings.defaults());
    }

    /** No file: no models, defaults everywhere. */
    public static GatewayConfig empty() {
        return new GatewayConfig(Optional.empty(), List.of(), GeneralSettings.defaults());
    }
}
