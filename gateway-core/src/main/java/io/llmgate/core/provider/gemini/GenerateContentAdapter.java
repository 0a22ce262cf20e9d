package io.llmgate.core.provider.gemini;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

/**
 * What the two Gemini front ends (AI Studio and Vertex AI) share as adapters: the same chat translation,
 * stream translator, declared parameters and error table. A subclass addresses and authenticates the request
 * and reads its own embeddings answer.
 */
public abstract class GenerateContentAdapter implements ProviderAdapter {
    protected final GenerateContent chat;

    protected GenerateContentAdapter(String provider) {
        this.chat = new GenerateContent(provider);
    }

    /** The OpenAI embeddings list for this front end's embeddings answer. */
    protected abstract byte[] embeddingsFrom(byte[] upstreamBody, String model);

    @Override
    public final SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return chat.supportedParams(endpoint);
    }

    @Override
    public final byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return request.endpoint() == InferenceEndpoint.EMBEDDINGS
                ? embeddingsFrom(upstreamBody, request.model())
                : chat.chatCompletion(request, upstreamBody);
    }

    @Override
    public final StreamTranslator streamTranslator(InferenceRequest request) {
        return chat.streamTranslator(request);
    }

    @Override
    public final GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return GeminiErrors.toError(status, upstreamBody, deployment);
    }
}
