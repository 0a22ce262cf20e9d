package io.llmgate.core.routing;

import io.llmgate.core.config.DeploymentConfig;
import io.llmgate.core.config.Secret;
import io.llmgate.core.provider.Provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment ready to be called: provider resolved, base URL and credential fixed.
 *
 * @param upstreamModel the model name the provider expects (the config's model without its prefix)
 * @param weight        simple-shuffle weight: {@code weight}, else {@code rpm}, else {@code tpm}, else 1
 */
public record Deployment(String id, String modelGroup, Provider provider, String upstreamModel, URI apiBase,
                         Optional<Secret> apiKey, Duration timeout, Duration streamTimeout, double weight,
                         DeploymentConfig config) {
    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        Objects.requireNonNull(config, "config");
    }

    /** {@code scheme://host:port} of the upstream, safe to show in errors (no path, query or credentials). */
    public String endpointLabel() {
        int port = apiBase.getPort();
        return apiBase.getScheme() + "://" + apiBase.getHost() + (port < 0 ? "" : ":" + port);
    }
}
