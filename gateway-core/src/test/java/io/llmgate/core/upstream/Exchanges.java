package io.llmgate.core.upstream;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import org.apache.hc.core5.concurrent.FutureCallback;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs one exchange through the real {@link UpstreamClient} the way the pipeline does, for tests of this package. */
final class Exchanges {
    private Exchanges() {
    }

    static InferenceRequest chat(String model, boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"" + model + "\",\"stream\":"
                + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    /** A buffered answer; completes exceptionally with the client's own failure, unclassified. */
    static CompletableFuture<UpstreamReply> answer(UpstreamClient client, Deployment deployment, InferenceRequest request,
                                                  long maxBytes) {
        CompletableFuture<UpstreamReply> reply = new CompletableFuture<>();
        client.send(deployment.provider().adapter().toUpstream(request, deployment), new BufferingConsumer(maxBytes),
                new FutureCallback<>() {
                    @Override
                    public void completed(UpstreamReply result) {
                        reply.complete(result);
                    }

                    @Override
                    public void failed(Exception cause) {
                        reply.completeExceptionally(cause);
                    }

                    @Override
                    public void cancelled() {
                        reply.cancel(false);
                    }
                });
        return reply;
    }

    /** A stream with the given window; completes with its events once the first arrived, or with the error before it. */
    static CompletableFuture<EventStream> stream(UpstreamClient client, Deployment deployment, InferenceRequest request,
                                                 int windowBytes) {
        var adapter = deployment.provider().adapter();
        CompletableFuture<EventStream> started = new CompletableFuture<>();
        StreamingConsumer consumer = new StreamingConsumer(windowBytes, adapter.streamTranslator(request),
                (status, body) -> adapter.toError(status, body, deployment),
                failure -> UpstreamFailures.classify(failure, deployment, true), startingInto(started));
        var exchange = client.send(adapter.toUpstream(request, deployment), consumer, null);
        consumer.cancelWith(() -> exchange.cancel(true));
        return started;
    }

    /** A listener completing {@code started} with the stream, or exceptionally with the error before it. */
    static StreamingConsumer.StartListener startingInto(CompletableFuture<EventStream> started) {
        return new StreamingConsumer.StartListener() {
            @Override
            public void started(EventStream stream) {
                started.complete(stream);
            }

            @Override
            public void failed(GatewayException error) {
                started.completeExceptionally(error);
            }
        };
    }
}
