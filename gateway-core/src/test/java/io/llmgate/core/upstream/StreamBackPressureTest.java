package io.llmgate.core.upstream;

import io.llmgate.core.json.Json;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.BeforeAll;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamBackPressureTest extends LoopbackTest {
    private static final int WINDOW = 128 * 1024;
    private static final int EVENTS = 200;

    private static Deployment deployment;

    @BeforeAll
    static void start() {
        deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: bulk
                    litellm_params: { model: openai/bulk-model, api_base: "%s", timeout: 20 }
                """.formatted(upstream.baseUrl()));
    }

    @Test
    void should_deliver_every_event_in_order_when_the_client_reads_only_after_a_pause() throws Exception {
        // given: about 600 KB of numbered text in 200 events, sent as fast as the socket allows (below the hard limit)
        String content = numberedText(600 * 1024);
        upstream.script("bulk-model", Scenario.content(content).withStream(EVENTS, Duration.ZERO));
        EventStream events = Exchanges.stream(client, deployment, Exchanges.chat("bulk", true), WINDOW)
                .get(10, TimeUnit.SECONDS);

        // when: the client reads nothing for half a second, then everything
        Thread.sleep(500);
        StringBuilder received = new StringBuilder();
        int count = 0;
        byte[] payload;
        while ((payload = events.next()) != null) {
            count++;
            received.append(Json.mapper().readTree(payload).path("choices").path(0).path("delta").path("content").asText(""));
        }

        // then
        assertThat(count).isEqualTo(EVENTS + 2); // the role chunk, the content chunks, the finish chunk
        assertThat(received.toString()).isEqualTo(content);
        assertThat(events.queuedBytes()).isZero();
        assertThat(events.completion().toCompletableFuture()).isCompletedWithValue(null);
    }

    /**
     * httpcore5's AbstractHttp1StreamDuplexer.onInput keeps reading for as long as the socket has data, even with
     * the capacity window below zero ("the consumer can be forced to consume data over its declared capacity"),
     * so the capacity window alone does not bound the queue; the hard limit does, and stops the stream.
     */
    @Test
    void should_never_queue_more_than_the_hard_limit_while_the_client_does_not_read() throws Exception {
        // given: 8 MB on offer, far above the hard limit
        String content = numberedText(8 * 1024 * 1024);
        upstream.script("bulk-model", Scenario.content(content).withStream(EVENTS, Duration.ZERO));
        EventStream events = Exchanges.stream(client, deployment, Exchanges.chat("bulk", true), WINDOW)
                .get(10, TimeUnit.SECONDS);

        // when: nobody reads for a second
        long mostQueued = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < until) {
            mostQueued = Math.max(mostQueued, events.queuedBytes());
            Thread.sleep(10);
        }

        // then: the queue never exceeded the hard limit; reading on either gets everything (the capacity
        // window held) or, past the limit, the "too slowly" error instead of the rest
        assertThat(mostQueued).isPositive().isLessThanOrEqualTo((long) EventStream.HARD_LIMIT_WINDOWS * WINDOW);
        StringBuilder received = new StringBuilder();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> {
            byte[] payload;
            while ((payload = events.next()) != null) {
                received.append(Json.mapper().readTree(payload).path("choices").path(0).path("delta").path("content").asText(""));
            }
        });
        if (failure == null) {
            assertThat(received.toString()).isEqualTo(content);
        } else {
            assertThat(failure).isInstanceOf(io.llmgate.api.error.GatewayException.class).hasMessageContaining("too slowly");
        }
    }

    private static String numberedText(int length) {
        StringBuilder text = new StringBuilder(length + 16);
        for (int i = 0; text.length() < length; i++) {
            text.append("token-").append(i).append(' ');
        }
        return text.toString();
    }
}
