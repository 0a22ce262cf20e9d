package io.llmgate.core.pipeline;

import io.llmgate.core.auth.KeyAuthenticator;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.Router;
import io.llmgate.core.upstream.UpstreamClient;

/** A {@link GatewayRuntime} over a given config, without CDI: what the container would have built at start-up. */
public final class FixedRuntime extends GatewayRuntime {
    private final GatewayConfig config;
    private final ModelCatalog catalog;
    private final UpstreamClient upstream;
    private final Router router;

    public FixedRuntime(GatewayConfig config, UpstreamClient upstream) {
        this.config = config;
        this.catalog = ModelCatalog.from(config, ProviderTable.standard(), name -> null);
        this.upstream = upstream;
        this.router = TestRouters.fresh(config.router());
    }

    @Override
    public Router router() {
        return router;
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
        return new KeyAuthenticator(config.general().masterKey());
    }

    @Override
    public UpstreamClient upstream() {
        return upstream;
    }
}
