package io.llmgate.core.messages;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.Provider;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The least an adapter does to serve {@code /v1/messages} natively, as the Anthropic adapter will: address
 * and authenticate the body it is given. It speaks no OpenAI format at all.
 */
public final class MinimalNativeAdapter implements ProviderAdapter, NativeMessagesSupport {
    public static final String DEFAULT_VERSION = "2023-06-01";

    /** An {@code anthropic/<upstreamModel>} deployment at {@code apiBase} served by this adapter. */
    public static Deployment deployment(String apiBase, String upstreamModel) {
        Deployment base = ConfigFiles.deployment("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: openai/%s, api_base: "%s", api_key: sk-ant-test, timeout: 10 }
                """.formatted(upstreamModel, apiBase));
        return new Deployment(base.id(), base.modelGroup(), new Provider("anthropic", Optional.empty(), Optional.empty(),
                new MinimalNativeAdapter()), upstreamModel, base.apiBase(), base.apiKey(), base.timeout(),
                base.streamTimeout(), base.weight(), base.config());
    }

    @Override
    public UpstreamRequest toNativeMessages(NativeMessagesRequest request, Deployment deployment) {
        return request(request, deployment, "/messages");
    }

    @Override
    public Optional<UpstreamRequest> toNativeCountTokens(NativeMessagesRequest request, Deployment deployment) {
        return Optional.of(request(request, deployment, "/messages/count_tokens"));
    }

    private static UpstreamRequest request(NativeMessagesRequest request, Deployment deployment, String path) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        deployment.apiKey().ifPresent(key -> headers.add(Map.entry("x-api-key", key.reveal())));
        headers.add(Map.entry("anthropic-version", request.clientHeaders().getOrDefault("anthropic-version", DEFAULT_VERSION)));
        Optional.ofNullable(request.clientHeaders().get("anthropic-beta")).ifPresent(beta -> headers.add(Map.entry("anthropic-beta", beta)));
        return new UpstreamRequest(deployment.resolve(path, null), headers, Json.bytes(request.body()),
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        throw new UnsupportedOperationException("this fake serves only the Messages API");
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        throw new UnsupportedOperationException("this fake serves only the Messages API");
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        throw new UnsupportedOperationException("this fake serves only the Messages API");
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return ProviderErrors.upstream(ProviderErrors.byStatus(status), status,
                ProviderErrors.parse(upstreamBody).path("error").path("message").asText(ProviderErrors.plainText(upstreamBody)),
                deployment);
    }
}
