package io.llmgate.core.messages;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.FrameDecoder;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.UpstreamRequest;

import java.util.function.Consumer;

/**
 * The native strategy for one Messages call: the provider's adapter addresses the caller's body (model
 * replaced), and its answer, stream events and errors come back untranslated. Made per call.
 */
final class NativeMessagesAdapter implements ProviderAdapter {
    private final ProviderAdapter provider;
    private final NativeMessagesSupport messages;

    NativeMessagesAdapter(ProviderAdapter provider, NativeMessagesSupport messages) {
        this.provider = provider;
        this.messages = messages;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        return messages.toNativeMessages(NativeMessagesRequest.of(request, deployment), deployment);
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new NativeMessagesStream();
    }

    @Override
    public FrameDecoder frameDecoder(Consumer<SseEvent> sink) {
        return provider.frameDecoder(sink);
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return provider.toError(status, upstreamBody, deployment);
    }
}
