package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.messages.NativeMessagesRequest;
import io.llmgate.core.messages.NativeMessagesSupport;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The adapter for {@code anthropic/} deployments: OpenAI chat requests are translated to Anthropic's Messages
 * API and its answers, streams and errors back. Anthropic has no embeddings or legacy completions; asking for
 * them is a 400 naming the provider. Tool names rewritten for Anthropic are recomputed from the request when
 * the answer is read, so nothing per request is kept here. Stateless and thread-safe.
 */
public final class AnthropicAdapter implements ProviderAdapter, NativeMessagesSupport {
    private static final SupportedParams SUPPORTED_PARAMS = SupportedParams.allExcept(ToAnthropic.UNSUPPORTED);
    public static final String PROVIDER = "anthropic";

    private final Clock clock;
    private final FromAnthropic fromAnthropic;

    public AnthropicAdapter() {
        this(Clock.systemUTC());
    }

    AnthropicAdapter(Clock clock) {
        this.clock = clock;
        this.fromAnthropic = new FromAnthropic(clock);
    }

    @Override
    public SupportedParams supportedParams(InferenceEndpoint endpoint, Deployment deployment) {
        return SUPPORTED_PARAMS;
    }

    @Override
    public UpstreamRequest toUpstream(InferenceRequest request, Deployment deployment) {
        if (request.endpoint() != InferenceEndpoint.CHAT_COMPLETIONS) {
            throw GatewayException.upstream(ErrorType.INVALID_REQUEST, 400, PROVIDER + " does not support "
                    + request.endpoint().path() + " (model " + deployment.modelGroup() + " is an Anthropic model; "
                    + "only /chat/completions is available)", false, PROVIDER, deployment.upstreamModel(), null);
        }
        // a shallow merge: the translation reads it and copies what it keeps, the caller's nodes stay untouched
        ObjectNode openAi = request.body().objectNode();
        openAi.setAll(deployment.config().params().bodyDefaults());
        openAi.setAll(request.body());
        // DropParams has already refused or removed what supportedParams excludes, whichever switch asked for it
        ToAnthropic.Translation translation = ToAnthropic.translate(openAi, deployment.upstreamModel(), true);
        return MessagesEndpoint.request(deployment, Json.bytes(translation.body()), request.stream(),
                MessagesEndpoint.betas(request.body().path("extra_headers")));
    }

    /**
     * A {@code /v1/messages} call passed through natively: the caller's body (its model already replaced by the
     * deployment's upstream model) sent to the same URL with the same credentials and headers as translated
     * requests; the caller's {@code anthropic-beta} flags are joined with the deployment's own.
     */
    @Override
    public UpstreamRequest toNativeMessages(NativeMessagesRequest request, Deployment deployment) {
        String betas = request.clientHeaders().get("anthropic-beta");
        return MessagesEndpoint.request(deployment, Json.bytes(request.body()), request.stream(),
                betas == null ? List.of() : List.of(betas));
    }

    @Override
    public byte[] fromUpstream(InferenceRequest request, byte[] upstreamBody) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(upstreamBody);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, PROVIDER + " answered with a body that is not "
                    + "a Messages response", true, PROVIDER, request.model(), null);
        }
        return Json.bytes(fromAnthropic.translate(message, ToAnthropicTools.names(request.body())));
    }

    @Override
    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new AnthropicStreamTranslator(request.includeUsage(), ToAnthropicTools.names(request.body()), PROVIDER,
                clock);
    }

    @Override
    public GatewayException toError(int status, byte[] upstreamBody, Deployment deployment) {
        return AnthropicErrors.toError(status, upstreamBody, deployment);
    }
}
