package io.llmgate.bench;

import io.llmgate.testkit.upstream.FakeOpenAiUpstream;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler, client and recorders together against the fake upstream on loopback. */
class LoadClientTest {
    private static FakeOpenAiUpstream upstream;
    private static LoadClient client;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        client = new LoadClient(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        upstream.close();
    }

    @Test
    void should_record_every_answer_of_a_constant_rate_run() throws InterruptedException {
        // given
        LoadClient.Target target = LoadClient.Target.of("direct", upstream.baseUrl(), Optional.empty());
        byte[] body = RequestBodies.chat("bench-model", false);
        LatencyRecorder recorder = new LatencyRecorder();
        upstream.clearRequests();

        // when
        ConstantRateScheduler.Schedule schedule = new ConstantRateScheduler(100, Duration.ofSeconds(1),
                Duration.ofMillis(1)).run(due -> client.chat(target, body, due, recorder));
        boolean finished = recorder.awaitFinished(schedule.issued(), Duration.ofSeconds(5));

        // then
        assertThat(finished).isTrue();
        assertThat(recorder.succeeded()).isEqualTo(100);
        assertThat(recorder.errorCount()).isZero();
        assertThat(recorder.histogram().getTotalCount()).isEqualTo(100);
        assertThat(upstream.requests()).hasSize(100);
    }

    @Test
    void should_count_non_200_answers_as_errors_by_status() throws InterruptedException {
        // given
        upstream.script("failing", Scenario.openAiError(503, "server_error", "overloaded", null));
        LoadClient.Target target = LoadClient.Target.of("direct", upstream.baseUrl(), Optional.empty());
        LatencyRecorder recorder = new LatencyRecorder();

        // when
        for (int i = 0; i < 3; i++) {
            client.chat(target, RequestBodies.chat("failing", false), System.nanoTime(), recorder);
        }
        recorder.awaitFinished(3, Duration.ofSeconds(5));

        // then
        assertThat(recorder.errors()).isEqualTo(Map.of("status 503", 3L));
        assertThat(recorder.succeeded()).isZero();
    }

    @Test
    void should_measure_latency_from_the_due_time_not_the_send_time() throws InterruptedException {
        // given: a request due 200 ms before it is sent, as when the load generator falls behind
        LoadClient.Target target = LoadClient.Target.of("direct", upstream.baseUrl(), Optional.empty());
        LatencyRecorder recorder = new LatencyRecorder();

        // when
        client.chat(target, RequestBodies.chat("bench-model", false), System.nanoTime() - 200_000_000L, recorder);
        recorder.awaitFinished(1, Duration.ofSeconds(5));

        // then
        assertThat(recorder.histogram().getMinValue()).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    void should_time_each_stream_event_and_see_spaced_chunks_arrive_separately() throws InterruptedException {
        // given: 4 content chunks 50 ms apart (wide enough that a busy machine does not merge them) = role + 4 content + finish events
        upstream.script("streamed", Scenario.stream(4, Duration.ofMillis(50)));
        LoadClient.Target target = LoadClient.Target.of("direct", upstream.baseUrl(), Optional.empty());
        StreamRecorder recorder = new StreamRecorder(4, Duration.ofMillis(50));

        // when
        for (int i = 0; i < 5; i++) {
            client.stream(target, RequestBodies.chat("streamed", true), System.nanoTime(), recorder);
        }
        recorder.total().awaitFinished(5, Duration.ofSeconds(5));

        // then
        assertThat(recorder.total().errors()).isEmpty();
        assertThat(recorder.eventsPerStream()).isEqualTo(Map.of(6, 5L));
        assertThat(recorder.expectedGaps()).isEqualTo(15);
        // a cold JVM may delay one chunk and shorten the next gap; a coalescing hop would lose most of them
        assertThat(recorder.separateGaps()).isBetween(12L, 15L);
        assertThat(recorder.firstByteHistogram().getTotalCount()).isEqualTo(5);
        assertThat(recorder.total().histogram().getMinValue()).isGreaterThanOrEqualTo(150_000); // 3 gaps of 50 ms
    }
}
