package io.llmgate.core.messages;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.BufferingConsumer;
import io.llmgate.core.upstream.UpstreamFailures;
import io.llmgate.core.upstream.UpstreamReply;
import io.llmgate.core.upstream.UpstreamRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.core5.concurrent.FutureCallback;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /v1/messages/count_tokens}: the model group's first deployment counts natively when its adapter can
 * ({@link NativeMessagesSupport#toNativeCountTokens}), with the provider's answer passed through; otherwise,
 * and for a model no group has (LiteLLM counts those locally too), a local {@link TokenEstimator estimate}.
 * Counting is not inference: no budget, rate-limit or spend hooks run, as in LiteLLM.
 */
@ApplicationScoped
public class CountTokens {
    private GatewayRuntime runtime;

    protected CountTokens() {
        // for CDI proxies
    }

    @Inject
    public CountTokens(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    /** @param request a count request from {@link MessagesRequestDecoder#decodeCountTokens} */
    public CompletionStage<byte[]> count(InferenceRequest request) {
        return count(request, runtime.catalog().route(request.model()).map(group -> group.deployments().get(0)));
    }

    /** Counts for {@code target}, the deployment that would answer, if any. */
    CompletionStage<byte[]> count(InferenceRequest request, Optional<Deployment> target) {
        if (target.isPresent() && target.get().provider().adapter() instanceof NativeMessagesSupport nativeMessages) {
            Optional<UpstreamRequest> upstream = nativeMessages.toNativeCountTokens(
                    NativeMessagesRequest.of(request, target.get()), target.get());
            if (upstream.isPresent()) {
                return send(upstream.get(), target.get());
            }
        }
        long tokens = TokenEstimator.forModel(target.map(Deployment::upstreamModel).orElse(request.model()))
                .count(request.body());
        return CompletableFuture.completedFuture(Json.bytes(Json.mapper().createObjectNode().put("input_tokens", tokens)));
    }

    private CompletionStage<byte[]> send(UpstreamRequest upstream, Deployment deployment) {
        ProviderAdapter adapter = deployment.provider().adapter();
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        runtime.upstream().send(upstream, new BufferingConsumer(runtime.config().general().maxResponseBytes()),
                new FutureCallback<UpstreamReply>() {
                    @Override
                    public void completed(UpstreamReply reply) {
                        if (reply.isSuccess()) {
                            result.complete(reply.body());
                        } else {
                            result.completeExceptionally(adapter.toError(reply.status(), reply.body(), deployment));
                        }
                    }

                    @Override
                    public void failed(Exception cause) {
                        result.completeExceptionally(UpstreamFailures.classify(cause, deployment, false));
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(GatewayException.clientClosed());
                    }
                });
        return result;
    }
}
