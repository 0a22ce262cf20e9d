package io.llmgate.core.provider;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.FrameDecoder;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;
import io.llmgate.core.upstream.UpstreamRequest;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps OpenAI-format requests to one provider's wire format and its answers back. Implementations are
 * stateless and thread-safe; per-stream state lives in the {@link StreamTranslator} they create.
 * <p>
 * Order per attempt: {@link #supportedParams} (judged by {@link DropParams}, which may refuse the request or hand
 * on a copy without the dropped parameters), then {@link #toUpstream}, then either {@link #fromUpstream}, or
 * {@link #frameDecoder} and the {@link #streamTranslator}, or {@link #toError}.
 */
public interface ProviderAdapter {
    /**
     * The OpenAI parameters ({@link io.llmgate.core.provider.OpenAiParams#of}) this provider honours for
     * {@code endpoint}: the drop_params hook. A parameter outside the set never reaches {@link #toUpstream} (it is
     * dropped under {@code drop_params: true}, else the caller gets a 400 naming it and the provider), so a
     * translating adapter lists exactly the parameters it maps and need not check for the others. The default,
     * {@link SupportedParams#ALL}, suits a pure OpenAI pass-through. Must be cheap: it is asked on every request.
     */
    default SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return SupportedParams.ALL;
    }

    /**
     * The base URL for a deployment that names no {@code api_base}, when the provider's endpoint depends on the
     * deployment's settings (Bedrock's region); empty means the provider's fixed default. Called once per
     * deployment while the configuration loads.
     */
    default Optional<String> apiBase(LitellmParams params, Function<String, String> environment) {
        return Optional.empty();
    }

    /** The HTTP request to send to {@code deployment} for {@code request}. Must not modify {@code request}. */
    UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment);

    /** A successful non-streaming answer in OpenAI format (pass-through for OpenAI-compatible providers). */
    byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody);

    StreamTranslator streamTranslator(InferenceRequest request);

    /** How the provider frames a streamed answer: server-sent events unless it says otherwise. */
    default FrameDecoder frameDecoder(Consumer<SseEvent> sink) {
        return new SseParser(sink);
    }

    /** The error to report for a non-2xx answer, attributed to the provider and model. */
    GatewayException toError(int status, byte[] upstreamBody, Deployment deployment);
}
