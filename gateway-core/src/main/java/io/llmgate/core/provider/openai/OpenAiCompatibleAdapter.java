package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adapter for every provider that speaks OpenAI's API: the body is {@link OpenAiRequestBody} with the row's
 * {@link OpenAiQuirks} applied; answers and stream events pass through byte for byte. One instance per set of
 * quirks; rows without quirks share one.
 */
public final class OpenAiCompatibleAdapter implements ProviderAdapter {
    private final OpenAiQuirks quirks;

    public OpenAiCompatibleAdapter() {
        this(OpenAiQuirks.none());
    }

    public OpenAiCompatibleAdapter(OpenAiQuirks quirks) {
        this.quirks = Objects.requireNonNull(quirks, "quirks");
    }

    @Override
    public SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return quirks.supported();
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        ObjectNode body = OpenAiRequestBody.of(request, deployment);
        quirks.applyTo(body);
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        deployment.apiKey().ifPresent(key -> headers.add(Map.entry("Authorization", "Bearer " + key.reveal())));
        deployment.config().params().organization().ifPresent(org -> headers.add(Map.entry("OpenAI-Organization", org)));
        headers.add(Map.entry("Accept", request.stream() ? "text/event-stream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        URI uri = deployment.resolve(quirks.path(deployment.apiBase().getPath(), request.endpoint().path()), null);
        return new UpstreamRequest(uri, headers, Json.bytes(body),
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return OpenAiPassThrough.INSTANCE;
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return OpenAiErrors.toError(status, upstreamBody, deployment);
    }
}
