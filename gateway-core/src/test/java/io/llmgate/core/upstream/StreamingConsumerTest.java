package io.llmgate.core.upstream;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.BeforeAll;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingConsumerTest extends LoopbackTest {
    private static ModelCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        Path config = Files.createTempFile("llmgate", ".yaml");
        Files.writeString(config, """
                model_list:
                  - model_name: stream-model
                    litellm_params: { model: openai/stream-model, api_base: "%s", timeout: 2 }
                  - model_name: drop-model
                    litellm_params: { model: openai/drop-model, api_base: "%s" }
                """.formatted(upstream.baseUrl(), upstream.baseUrl()));
        catalog = ModelCatalog.from(new ConfigLoader(n -> null).load(config), ProviderTable.standard(), n -> null);
    }

    @Test
    void should_hand_over_each_event_as_it_arrives() throws Exception {
        // given
        upstream.script("stream-model", Scenario.stream(4, Duration.ofMillis(200)));
        // when
        CallOutcome.Streaming outcome = startStream("stream-model");
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();
        while (outcome.events().next() != null) {
            arrivals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        // then
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(4);
        assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThanOrEqualTo(500);
    }

    @Test
    void should_fail_the_stream_when_the_upstream_drops_it() throws Exception {
        // given
        upstream.script("drop-model", Scenario.dropAfterChunks(2));
        // when: the drop may be seen before or after the first event, depending on how the bytes arrive
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> {
            CallOutcome.Streaming outcome = startStream("drop-model");
            while (outcome.events().next() != null) {
                // drain
            }
        });
        // then
        Throwable cause = failure instanceof java.util.concurrent.ExecutionException ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(GatewayException.class).hasMessageContaining("ended unexpectedly");
        assertThat(((GatewayException) cause).retriable()).isTrue();
    }

    @Test
    void should_abort_the_upstream_answer_when_the_stream_is_cancelled() throws Exception {
        // given a long stream
        upstream.script("stream-model", Scenario.stream(40, Duration.ofMillis(100)));
        upstream.clearRequests();
        CallOutcome.Streaming outcome = startStream("stream-model");
        outcome.events().next();

        // when the client goes away
        outcome.events().cancel();

        // then the upstream's next write fails: the connection was closed, not left to run to the end
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (upstream.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(upstream.abandonedAnswers()).isEqualTo(1);
    }

    private CallOutcome.Streaming startStream(String model) throws Exception {
        Deployment deployment = catalog.group(model).orElseThrow().deployments().get(0);
        var request = RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"" + model
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
        var adapter = deployment.provider().adapter();
        CompletableFuture<CallOutcome.Streaming> started = new CompletableFuture<>();
        StreamingConsumer consumer = new StreamingConsumer(64 * 1024, adapter.streamTranslator(request),
                (status, body) -> adapter.toError(status, body, deployment),
                failure -> UpstreamFailures.classify(failure, deployment, true),
                new StreamingConsumer.StartListener() {
                    @Override
                    public void started(EventStream stream) {
                        started.complete(new CallOutcome.Streaming(deployment, 0, stream));
                    }

                    @Override
                    public void failed(GatewayException error) {
                        started.completeExceptionally(error);
                    }
                });
        var exchange = client.send(adapter.toUpstream(request, deployment), consumer, null);

        consumer.cancelWith(() -> exchange.cancel(true));
        return started.get(5, TimeUnit.SECONDS);
    }
}
