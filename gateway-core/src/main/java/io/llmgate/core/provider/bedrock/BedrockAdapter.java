package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.FrameDecoder;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code bedrock/} provider: chat completions through Converse / ConverseStream, embeddings through
 * InvokeModel, each request authorized last, over the exact body bytes it sends (see {@link BedrockAuth}).
 */
public final class BedrockAdapter implements ProviderAdapter {
    /** OpenAI chat parameters Converse cannot honour: refused, or dropped with {@code drop_params}. */
    private static final SupportedParams CONVERSE_PARAMS = SupportedParams.allExcept(Set.of("response_format",
            "n", "frequency_penalty", "presence_penalty", "seed", "logprobs", "top_logprobs", "logit_bias", "functions",
            "function_call", "modalities", "audio", "prediction", "web_search_options"));

    public static final String PROVIDER = "bedrock";

    private final BedrockAuth auth;

    /** Signs with the system clock and reads credentials and region from the process environment. */
    public BedrockAdapter() {
        this(Clock.systemUTC(), System::getenv);
    }

    public BedrockAdapter(Clock clock, Function<String, String> environment) {
        this.auth = new BedrockAuth(clock, environment);
    }

    @Override
    public Optional<String> apiBase(LitellmParams params, Function<String, String> environment) {
        return Optional.of(BedrockEndpoint.apiBase(params, environment));
    }

    @Override
    public SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return endpoint == InferenceEndpoint.CHAT_COMPLETIONS ? CONVERSE_PARAMS : SupportedParams.ALL;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        ObjectNode openAi = request.body().objectNode();
        openAi.setAll(deployment.config().params().bodyDefaults());
        openAi.setAll(request.body());
        BedrockModelId model = BedrockModelId.of(deployment.upstreamModel());
        ObjectNode body;
        String path;
        switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> {
                body = ToConverse.body(openAi, model);
                path = model.path(request.stream() ? "converse-stream" : "converse");
            }
            case EMBEDDINGS -> {
                body = ToInvokeEmbeddings.body(openAi, model);
                path = model.path("invoke");
            }
            default -> throw GatewayException.withStatus(ErrorType.INVALID_REQUEST, 400,
                    "bedrock deployments serve /chat/completions and /embeddings, not " + request.endpoint().path());
        }
        byte[] bytes = Json.bytes(body);
        URI uri = deployment.resolve(path, null);
        List<Map.Entry<String, String>> headers = new ArrayList<>(8);
        headers.add(Map.entry("Accept", request.stream() ? "application/vnd.amazon.eventstream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        List<Map.Entry<String, String>> signed = new ArrayList<>(headers);
        signed.addAll(auth.headers(deployment, uri, headers, bytes));
        return new UpstreamRequest(uri, signed, bytes, request.stream() ? deployment.streamTimeout() : deployment.timeout());
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        return switch (request.endpoint()) {
            case EMBEDDINGS -> FromInvokeEmbeddings.embeddings(upstreamBody, request.model());
            default -> FromConverse.chatCompletion(upstreamBody, request.model());
        };
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new ConverseStreamTranslator(request.model(), request.includeUsage());
    }

    @Override
    public FrameDecoder frameDecoder(Consumer<SseEvent> sink) {
        return new EventStreamDecoder(sink);
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return BedrockErrors.toError(status, upstreamBody, deployment);
    }
}
