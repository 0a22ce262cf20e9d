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

    /** This deployment serving {@code model} upstream (a wildcard group's deployment, for one request). */
    public Deployment withUpstreamModel(String model) {
        return new Deployment(id, modelGroup, provider, model, apiBase, apiKey, timeout, streamTimeout, weight, config);
    }

    /** This deployment with a caller's {@code timeout} for the whole answer and for stream silences. */
    public Deployment withTimeout(Duration requested) {
        return new Deployment(id, modelGroup, provider, upstreamModel, apiBase, apiKey, requested, requested, weight, config);
    }

    /**
     * {@code path} appended to the base URL's path, keeping a query the base carries (Azure's
     * {@code ?api-version=}) after it; {@code query} (already encoded, may be null) is added to that query.
     */
    public URI resolve(String path, String query) {
        String base = apiBase.toString();
        int q = base.indexOf('?');
        String basePath = q < 0 ? base : base.substring(0, q);
        String baseQuery = q < 0 ? null : base.substring(q + 1);
        if (basePath.endsWith("/") && path.startsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        StringBuilder uri = new StringBuilder(basePath).append(path);
        boolean hasBaseQuery = baseQuery != null && !baseQuery.isEmpty();
        boolean hasQuery = query != null && !query.isEmpty();
        if (hasBaseQuery || hasQuery) {
            uri.append('?');
            if (hasBaseQuery) {
                uri.append(baseQuery);
            }
            if (hasQuery) {
                uri.append(hasBaseQuery ? "&" : "").append(query);
            }
        }
        return URI.create(uri.toString());
    }

    /** {@code scheme://host:port} of the upstream, safe to show in errors (no path, query or credentials). */
    public String endpointLabel() {
        int port = apiBase.getPort();
        return apiBase.getScheme() + "://" + apiBase.getHost() + (port < 0 ? "" : ":" + port);
    }
}
