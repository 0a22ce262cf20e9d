package io.llmgate.core.provider.vertex;

import com.google.auth.oauth2.GoogleCredentials;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.gemini.GenerateContentAdapter;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * Vertex AI's Gemini models ({@code vertex_ai/<model>}):
 * {@code POST https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent}
 * (or {@code :streamGenerateContent?alt=sse}, or {@code :predict} for embeddings) with an OAuth bearer token.
 * Shared state is only the token cache of {@link VertexTokens}, which is thread-safe.
 */
public final class VertexAdapter extends GenerateContentAdapter {
    public static final String PROVIDER = "vertex_ai";

    private final VertexTokens tokens = new VertexTokens();
    private final Function<String, String> environment;

    /** @param environment reads {@code GOOGLE_APPLICATION_CREDENTIALS}, {@code VERTEXAI_PROJECT}, ... */
    public VertexAdapter(Function<String, String> environment) {
        super(PROVIDER);
        this.environment = environment;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        VertexCredentialSource source = VertexCredentialSource.of(deployment.config().params().settings(), environment);
        GoogleCredentials credentials = tokens.credentials(source, deployment);
        VertexLocation location = VertexLocation.of(deployment, credentials, environment);
        boolean embeddings = request.endpoint() == InferenceEndpoint.EMBEDDINGS;
        // translate before fetching a token: a malformed request costs no token round trip
        byte[] body = embeddings ? Json.bytes(VertexEmbeddings.toPredict(request.body())) : chat.body(request, deployment);
        URI uri = embeddings ? location.uri(deployment, ":predict", null)
                : location.uri(deployment, chat.method(request), chat.query(request));
        Map.Entry<String, String> credential = Map.entry("Authorization",
                "Bearer " + tokens.accessToken(credentials, source, deployment));
        return new UpstreamRequest(uri, chat.headers(request, deployment, credential), body,
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    protected byte[] embeddingsFrom(byte[] upstreamBody, String model) {
        return VertexEmbeddings.fromPredict(upstreamBody, model);
    }
}
