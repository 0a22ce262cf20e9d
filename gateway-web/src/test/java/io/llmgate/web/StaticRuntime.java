package io.llmgate.web;

import io.llmgate.core.auth.KeyAuthenticator;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.config.GeneralSettings;
import io.llmgate.core.config.Secret;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.ModelCatalog;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link GatewayRuntime} with fixed settings and models, as the container would build it, without CDI. */
public final class StaticRuntime extends GatewayRuntime {
    private final GatewayConfig config;
    private final KeyAuthenticator authenticator;
    private final ModelCatalog catalog;

    /** No models. */
    public StaticRuntime(Optional<String> masterKey, long maxRequestBytes) {
        this(new GatewayConfig(Optional.empty(), List.of(), new GeneralSettings(masterKey.map(Secret::of),
                Optional.empty(), maxRequestBytes, GeneralSettings.DEFAULT_MAX_RESPONSE_BYTES, OptionalLong.empty())));
    }

    public StaticRuntime(GatewayConfig config) {
        this.config = config;
        this.authenticator = new KeyAuthenticator(config.general().masterKey());
        this.catalog = ModelCatalog.from(config, ProviderTable.standard(), name -> null);
    }

    @Override
    public GatewayConfig config() {
        return config;
    }

    @Override
    public ModelCatalog catalog() {
        return catalog;
    }

    @Override
    public KeyAuthenticator authenticator() {
        return authenticator;
    }
}
