package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.MessagesAdapters;
import io.llmgate.core.provider.DropParams;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.BufferingConsumer;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.core.upstream.StreamingConsumer;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamFailures;
import io.llmgate.core.upstream.UpstreamReply;
import io.llmgate.core.upstream.UpstreamRequest;
import org.apache.hc.core5.concurrent.FutureCallback;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/** One attempt against one deployment: adapter in, HTTP exchange, adapter out. */
final class ProviderCall {
    /** Translated events held per stream before the provider is slowed down. */
    static final int STREAM_WINDOW_BYTES = 256 * 1024;

    private final UpstreamClient client;
    private final long maxResponseBytes;
    private final boolean dropParams;

    ProviderCall(UpstreamClient client, long maxResponseBytes) {
        this(client, maxResponseBytes, false);
    }

    /** @param dropParams {@code litellm_settings.drop_params}: drop unsupported parameters for every deployment */
    ProviderCall(UpstreamClient client, long maxResponseBytes, boolean dropParams) {
        this.client = client;
        this.maxResponseBytes = maxResponseBytes;
        this.dropParams = dropParams;
    }

    CompletionStage<CallOutcome> perform(InferenceRequest callerRequest, Deployment deployment) {
        boolean messages = callerRequest.endpoint() == InferenceEndpoint.MESSAGES;
        ProviderAdapter adapter;
        InferenceRequest request;
        UpstreamRequest upstream;
        try {
            // Anthropic's Messages front door: the call's own adapter, native or translating (core.messages);
            // its body is Anthropic's, so OpenAI's drop_params rules do not apply to it
            adapter = messages ? MessagesAdapters.forTarget(callerRequest, deployment) : deployment.provider().adapter();
            request = messages ? callerRequest : DropParams.apply(callerRequest, deployment, dropParams);
            upstream = adapter.toUpstream(request, deployment);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return request.stream() ? stream(request, deployment, adapter, upstream) : answer(request, deployment, adapter, upstream);
    }

    private CompletionStage<CallOutcome> answer(InferenceRequest request, Deployment deployment, ProviderAdapter adapter,
                                                UpstreamRequest upstream) {
        CompletableFuture<CallOutcome> result = new CompletableFuture<>();
        long started = System.nanoTime();
        Future<UpstreamReply> exchange = client.send(upstream, new BufferingConsumer(maxResponseBytes), new FutureCallback<>() {
            @Override
            public void completed(UpstreamReply reply) {
                long waited = System.nanoTime() - started;
                if (!reply.isSuccess()) {
                    GatewayException error = adapter.toError(reply.status(), reply.body(), deployment);
                    result.completeExceptionally(reply.retryAfterSeconds().isPresent()
                            ? error.withRetryAfter(reply.retryAfterSeconds().getAsLong()) : error);
                    return;
                }
                try {
                    result.complete(new CallOutcome.Answered(deployment, waited, "application/json",
                            adapter.fromUpstream(request, reply.body())));
                } catch (GatewayException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception cause) {
                result.completeExceptionally(UpstreamFailures.classify(cause, deployment, false));
            }

            @Override
            public void cancelled() {
                result.cancel(false);
            }
        });
        abortWhenCancelled(result, exchange);
        return result;
    }

    /** Cancelling the returned stage (the client went away) aborts the HTTP exchange with the provider. */
    private static void abortWhenCancelled(CompletableFuture<CallOutcome> result, Future<?> exchange) {
        result.whenComplete((outcome, error) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
    }

    private CompletionStage<CallOutcome> stream(InferenceRequest request, Deployment deployment, ProviderAdapter adapter,
                                                UpstreamRequest upstream) {
        CompletableFuture<CallOutcome> result = new CompletableFuture<>();
        long started = System.nanoTime();
        StreamingConsumer consumer = new StreamingConsumer(STREAM_WINDOW_BYTES, adapter::frameDecoder, adapter.streamTranslator(request),
                (status, body) -> adapter.toError(status, body, deployment),
                failure -> UpstreamFailures.classify(failure, deployment, true),
                new StreamingConsumer.StartListener() {
                    @Override
                    public void started(EventStream events) {
                        result.complete(new CallOutcome.Streaming(deployment, System.nanoTime() - started, events));
                    }

                    @Override
                    public void failed(GatewayException error) {
                        result.completeExceptionally(error);
                    }
                });
        Future<Void> exchange = client.send(upstream, consumer, null);
        consumer.cancelWith(() -> exchange.cancel(true));
        abortWhenCancelled(result, exchange);
        return result;
    }
}
