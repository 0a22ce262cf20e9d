package io.llmgate.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.BufferingConsumer;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.core.upstream.StreamingConsumer;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamFailures;
import io.llmgate.core.upstream.UpstreamReply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Drives one provider adapter through the real {@link UpstreamClient} as the pipeline does: translated
 * request out, the answer through the buffering or streaming consumer, the adapter's translation back.
 * Failures surface as the {@link GatewayException} the caller would see.
 */
public final class AdapterExchange {
    private static final int WINDOW = 256 * 1024;

    private AdapterExchange() {
    }

    /** The translated non-streaming answer. */
    public static JsonNode answer(UpstreamClient client, InferenceRequest request, Deployment deployment) throws Exception {
        ProviderAdapter adapter = deployment.provider().adapter();
        UpstreamReply reply = unwrap(client.send(adapter.toUpstream(request, deployment), new BufferingConsumer(1L << 20), null));
        if (!reply.isSuccess()) {
            throw adapter.toError(reply.status(), reply.body(), deployment);
        }
        return Json.mapper().readTree(adapter.fromUpstream(request, reply.body()));
    }

    /** Every translated chunk of a stream that ended cleanly. */
    public static List<JsonNode> stream(UpstreamClient client, InferenceRequest request, Deployment deployment) throws Exception {
        ProviderAdapter adapter = deployment.provider().adapter();
        CompletableFuture<EventStream> started = new CompletableFuture<>();
        StreamingConsumer consumer = new StreamingConsumer(WINDOW, adapter::frameDecoder, adapter.streamTranslator(request),
                (status, body) -> adapter.toError(status, body, deployment),
                failure -> UpstreamFailures.classify(failure, deployment, true),
                new StreamingConsumer.StartListener() {
                    @Override
                    public void started(EventStream stream) {
                        started.complete(stream);
                    }

                    @Override
                    public void failed(GatewayException error) {
                        started.completeExceptionally(error);
                    }
                });
        client.send(adapter.toUpstream(request, deployment), consumer, null);
        EventStream events = unwrap(started);
        List<JsonNode> chunks = new ArrayList<>();
        byte[] payload;
        while ((payload = events.next()) != null) {
            chunks.add(Json.mapper().readTree(payload));
        }
        return chunks;
    }

    private static <T> T unwrap(java.util.concurrent.Future<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
