package io.llmgate.core.provider.cohere;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cohere's v2 chat and embed APIs behind OpenAI's chat completions and embeddings. Legacy text completions have no
 * Cohere v2 counterpart and are refused. Stateless.
 */
public final class CohereAdapter implements ProviderAdapter {
    /** The OpenAI chat parameters {@link ToCohereChat} maps. */
    private static final SupportedParams CHAT = SupportedParams.only("temperature", "max_tokens", "max_completion_tokens",
            "top_p", "frequency_penalty", "presence_penalty", "stop", "tools", "tool_choice", "seed", "response_format",
            "stream_options");
    private static final SupportedParams EMBEDDINGS = SupportedParams.only("dimensions", "encoding_format");

    @Override
    public SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return endpoint == InferenceEndpoint.EMBEDDINGS ? EMBEDDINGS : CHAT;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        deployment.apiKey().ifPresent(key -> headers.add(Map.entry("Authorization", "Bearer " + key.reveal())));
        headers.add(Map.entry("Accept", request.stream() ? "text/event-stream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> new UpstreamRequest(deployment.resolve("/v2/chat", null), headers,
                    Json.bytes(ToCohereChat.body(request, deployment)),
                    request.stream() ? deployment.streamTimeout() : deployment.timeout());
            case EMBEDDINGS -> new UpstreamRequest(deployment.resolve("/v2/embed", null), headers,
                    Json.bytes(ToCohereEmbed.body(request, deployment)), deployment.timeout());
            case COMPLETIONS -> throw GatewayException.invalidField(null, "cohere does not support /v1/completions "
                    + "(legacy text completions); use /v1/chat/completions with model " + request.model());
            // the Messages front door hands adapters chat requests it has translated
            case MESSAGES -> throw new IllegalStateException("an untranslated Messages request reached the cohere adapter");
        };
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return request.endpoint() == InferenceEndpoint.EMBEDDINGS
                ? Json.bytes(FromCohereEmbed.embeddings(request, upstreamBody))
                : Json.bytes(FromCohereChat.completion(request, upstreamBody));
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new CohereStreamTranslator(request);
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return CohereErrors.toError(status, upstreamBody, deployment);
    }
}
