package io.llmgate.core.provider.azure;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.openai.OpenAiRequestBody;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Azure OpenAI. The upstream model is the Azure deployment name: {@code {api_base}/openai/deployments/{deployment}
 * /chat/completions?api-version=...} (embeddings and completions likewise), or {@code /openai/v1/...} when the
 * api_version is {@code v1}, {@code latest} or {@code preview} (Azure's versionless API). The body is OpenAI's
 * ({@link OpenAiRequestBody}). Holds an Entra ID token cache, shared by every deployment; otherwise stateless.
 */
public final class AzureOpenAiAdapter implements ProviderAdapter {
    /** The newest generally available data-plane version of the deployments API. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";
    private static final Set<String> VERSIONLESS = Set.of("v1", "latest", "preview");

    private final Function<String, String> environment;
    private final AzureCredential credential;

    /** @param environment where {@code AZURE_API_VERSION}, {@code AZURE_AUTHORITY_HOST}, ... are read */
    public AzureOpenAiAdapter(Function<String, String> environment) {
        this(environment, new EntraTokens());
    }

    AzureOpenAiAdapter(Function<String, String> environment, EntraTokens tokens) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.credential = new AzureCredential(environment, tokens);
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        credential.header(deployment).ifPresent(headers::add);
        headers.add(Map.entry("Accept", request.stream() ? "text/event-stream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        return new UpstreamRequest(uri(request, deployment), headers, Json.bytes(OpenAiRequestBody.of(request, deployment)),
                request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    private URI uri(InferenceRequest request, Deployment deployment) {
        String version = apiVersion(deployment);
        boolean baseHasVersion = deployment.apiBase().getRawQuery() != null
                && deployment.apiBase().getRawQuery().contains("api-version=");
        if (VERSIONLESS.contains(version)) {
            return deployment.resolve("/openai/v1" + request.endpoint().path(),
                    "preview".equals(version) && !baseHasVersion ? "api-version=preview" : null);
        }
        String path = "/openai/deployments/" + encode(deployment.upstreamModel()) + request.endpoint().path();
        return deployment.resolve(path, baseHasVersion ? null : "api-version=" + encode(version));
    }

    /** {@code litellm_params.api_version}, else env {@code AZURE_API_VERSION}, else {@link #DEFAULT_API_VERSION}. */
    String apiVersion(Deployment deployment) {
        return deployment.config().params().apiVersion().filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(environment.apply("AZURE_API_VERSION")).filter(v -> !v.isBlank()))
                .orElse(DEFAULT_API_VERSION);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return AzureStreamTranslator.INSTANCE;
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return AzureErrors.toError(status, upstreamBody, deployment);
    }
}
