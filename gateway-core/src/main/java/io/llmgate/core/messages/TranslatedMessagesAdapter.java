package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.FrameDecoder;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.UpstreamRequest;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The translating strategy for one Messages call: the request is translated to an OpenAI chat request once,
 * at construction, and goes through the deployment's own adapter; its OpenAI-format answer and chunks are
 * translated back to Anthropic's. Made per call, so the tool names the request shortened stay with it.
 */
final class TranslatedMessagesAdapter implements ProviderAdapter {
    private final ProviderAdapter provider;
    private final AnthropicToOpenAiRequest.Translation translation;
    private final String model;
    private final Deployment deployment;

    /** @throws GatewayException (400) when the request holds something an OpenAI-format provider cannot take */
    TranslatedMessagesAdapter(ProviderAdapter provider, InferenceRequest messages, Deployment deployment) {
        this.provider = provider;
        this.translation = AnthropicToOpenAiRequest.translate(messages);
        this.model = messages.model();
        this.deployment = deployment;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment target) {
        return provider.toUpstream(translation.request(), target);
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        byte[] completion = provider.fromUpstream(translation.request(), upstreamBody);
        JsonNode json;
        try {
            json = Json.mapper().readTree(completion);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.path("choices").isArray()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, deployment.provider().name()
                    + " answered with something other than a chat completion", true, deployment.provider().name(),
                    deployment.upstreamModel(), null);
        }
        return Json.bytes(OpenAiToAnthropicResponse.translate(json, model, translation.toolNames()));
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new OpenAiToAnthropicStream(provider.streamTranslator(translation.request()), model,
                translation.toolNames());
    }

    @Override
    public FrameDecoder frameDecoder(Consumer<SseEvent> sink) {
        return provider.frameDecoder(sink);
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment target) {
        return provider.toError(status, upstreamBody, target);
    }
}
