package io.llmgate.core.provider.gemini;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.util.Map;

/**
 * Google AI Studio's Gemini API ({@code gemini/<model>}): {@code POST {base}/v1beta/models/{model}:generateContent}
 * (or {@code :streamGenerateContent?alt=sse}, or {@code :batchEmbedContents} for embeddings) with the key in
 * {@code x-goog-api-key}, never in the URL, so it cannot end up in a logged address.
 */
public final class GeminiAdapter extends GenerateContentAdapter {
    public static final String PROVIDER = "gemini";

    public GeminiAdapter() {
        super(PROVIDER);
    }


    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        String model = "/v1beta/models/" + deployment.upstreamModel();
        String key = deployment.apiKey().orElseThrow(() -> GatewayException.upstream(ErrorType.AUTHENTICATION, 401,
                "gemini deployment " + deployment.modelGroup() + " has no api_key and GEMINI_API_KEY is not set",
                false, PROVIDER, deployment.upstreamModel(), null)).reveal();
        Map.Entry<String, String> credential = Map.entry("x-goog-api-key", key);
        if (request.endpoint() == InferenceEndpoint.EMBEDDINGS) {
            URI uri = deployment.resolve(model + ":batchEmbedContents", null);
            return new UpstreamRequest(uri, chat.headers(request, deployment, credential),
                    Json.bytes(GeminiEmbeddings.toBatchEmbedContents(request.body(), deployment.upstreamModel())),
                    deployment.timeout());
        }
        byte[] body = chat.body(request, deployment);
        URI uri = deployment.resolve(model + chat.method(request), chat.query(request));
        return new UpstreamRequest(uri, chat.headers(request, deployment, credential), body,
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    protected byte[] embeddingsFrom(byte[] upstreamBody, String model) {
        return GeminiEmbeddings.fromBatchEmbedContents(upstreamBody, model);
    }
}
