package io.llmgate.core.provider.vertex;

import com.google.auth.oauth2.GoogleCredentials;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.ProviderSettings;
import io.llmgate.core.routing.Deployment;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a Vertex deployment's model lives: project and location from {@code vertex_project} and
 * {@code vertex_location} (else {@code VERTEXAI_PROJECT} / {@code VERTEXAI_LOCATION}, the credentials' own
 * project, and {@code us-central1}), and the URL of one of its methods. The host is regional
 * ({@code {location}-aiplatform.googleapis.com}, or {@code aiplatform.googleapis.com} for {@code global})
 * unless the deployment's {@code api_base} replaces it.
 */
record VertexLocation(String project, String location) {
    static final String DEFAULT_LOCATION = "us-central1";

    static VertexLocation of(Deployment deployment, GoogleCredentials credentials, Function<String, String> environment) {
        ProviderSettings settings = deployment.config().params().settings();
        String project = settings.text("vertex_project")
                .or(() -> env(environment, "VERTEXAI_PROJECT"))
                .or(() -> env(environment, "GOOGLE_CLOUD_PROJECT"))
                .or(() -> Optional.ofNullable(credentials.getProjectId()))
                .orElseThrow(() -> GatewayException.upstream(ErrorType.INVALID_REQUEST, 400, VertexAdapter.PROVIDER
                        + " deployment " + deployment.modelGroup() + " names no project (set litellm_params.vertex_project)",
                        false, VertexAdapter.PROVIDER, deployment.upstreamModel(), null));
        String location = settings.text("vertex_location").or(() -> env(environment, "VERTEXAI_LOCATION"))
                .orElse(DEFAULT_LOCATION);
        return new VertexLocation(project, location);
    }

    /** {@code method} is the suffix after the model, e.g. {@code :generateContent}; {@code query} may be null. */
    URI uri(Deployment deployment, String method, String query) {
        String path = "/v1/projects/" + project + "/locations/" + location + "/publishers/google/models/"
                + deployment.upstreamModel() + method;
        if (deployment.config().params().apiBase().isPresent()) {
            return deployment.resolve(path, query);
        }
        String host = "global".equals(location) ? "aiplatform.googleapis.com" : location + "-aiplatform.googleapis.com";
        return URI.create("https://" + host + path + (query == null ? "" : "?" + query));
    }

    private static Optional<String> env(Function<String, String> environment, String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
    }
}
