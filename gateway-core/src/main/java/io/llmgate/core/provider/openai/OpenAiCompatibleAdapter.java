package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adapter for every provider that speaks OpenAI's API: the request body passes through with the
 * deployment's model name and default params applied and the gateway's own fields removed; answers
 * and stream events pass through byte for byte.
 */
public final class OpenAiCompatibleAdapter implements ProviderAdapter {
    /** Body fields that steer the gateway (LiteLLM's request extras); providers reject or misread them. */
    private static final Set<String> GATEWAY_FIELDS = Set.of("metadata", "litellm_metadata", "fallbacks",
            "context_window_fallbacks", "content_policy_fallbacks", "num_retries", "timeout", "mock_response",
            "mock_testing_fallbacks", "mock_testing_rate_limit_error", "mock_testing_context_window_fallbacks",
            "mock_testing_content_policy_fallbacks", "caching", "cache", "tags", "guardrails", "api_key", "api_base",
            "base_url", "proxy_server_request", "litellm_logging_obj");
    private static final StreamTranslator PASS_THROUGH = (event, emit) -> {
        if (event.isDone()) {
            return false;
        }
        emit.accept(event.data());
        return true;
    };

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        ObjectNode body = request.body().objectNode();
        body.setAll(deployment.config().params().bodyDefaults());
        body.setAll(request.body());
        body.remove(GATEWAY_FIELDS);
        body.put("model", deployment.upstreamModel());
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        deployment.apiKey().ifPresent(key -> headers.add(Map.entry("Authorization", "Bearer " + key.reveal())));
        deployment.config().params().organization().ifPresent(org -> headers.add(Map.entry("OpenAI-Organization", org)));
        headers.add(Map.entry("Accept", request.stream() ? "text/event-stream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        URI uri = deployment.resolve(request.endpoint().path(), null);
        return new UpstreamRequest(uri, headers, Json.bytes(body),
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return PASS_THROUGH;
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return OpenAiErrors.toError(status, upstreamBody, deployment);
    }
}
