package io.llmgate.testkit.upstream;

import io.llmgate.testkit.upstream.OpenAiHttp.StreamCapture;
import io.llmgate.testkit.upstream.OpenAiHttp.TimedEvent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFailureTest {
    private static final String STREAM = """
            {"model":"flaky","stream":true,"messages":[{"role":"user","content":"hi"}]}""";
    private static final String CHAT = """
            {"model":"flaky","messages":[{"role":"user","content":"hi"}]}""";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_end_the_stream_with_an_error_when_dropping_after_chunks() throws Exception {
        // given
        upstream.script("flaky", Scenario.dropAfterChunks(2));

        // when
        StreamCapture stream = http.stream("/chat/completions", STREAM);

        // then role + 2 content events arrived, then the client saw a broken body, not a clean end
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.events()).hasSize(3);
        assertThat(stream.endedWithDone()).isFalse();
        assertThat(stream.failure()).hasValueSatisfying(
                failure -> assertThat(failure).isInstanceOf(IOException.class));
    }

    @Test
    void should_not_send_the_last_chunk_when_dropping_after_chunks() throws Exception {
        // given
        upstream.script("flaky", Scenario.dropAfterChunks(1));

        try (RawHttp raw = new RawHttp(upstream.port())) {
            // when
            raw.sendPost("/v1/chat/completions", STREAM);
            RawHttp.ChunkedResponse response = raw.readChunkedResponse();

            // then
            assertThat(RawHttp.headerValue(response.head(), "transfer-encoding")).isEqualTo("chunked");
            assertThat(response.payloads()).hasSize(2);
            assertThat(response.payloads()).noneMatch(payload -> payload.contains("[DONE]"));
            assertThat(response.terminated()).isFalse();
        }
    }

    @Test
    void should_cut_a_non_streaming_body_when_dropping() {
        // given
        upstream.script("flaky", Scenario.dropAfterChunks(0));

        // when / then
        assertThatThrownBy(() -> http.post("/chat/completions", CHAT)).isInstanceOf(IOException.class);
    }

    @Test
    void should_pause_after_the_stalled_chunks_then_finish_normally() throws Exception {
        // given
        upstream.script("flaky", Scenario.stallAfterChunks(2, Duration.ofMillis(600)));

        // when
        StreamCapture stream = http.stream("/chat/completions", STREAM);

        // then events: role, c1, c2, (stall) c3, c4, finish, [DONE]
        List<TimedEvent> events = stream.events();
        assertThat(events).hasSize(7);
        assertThat(millisBetween(events.get(2), events.get(3))).isGreaterThanOrEqualTo(550);
        assertThat(millisBetween(events.get(0), events.get(2))).isLessThan(300);
        assertThat(stream.endedWithDone()).isTrue();
        assertThat(stream.failure()).isEmpty();
    }

    @Test
    void should_hold_back_the_headers_for_the_delay() throws Exception {
        // given
        upstream.script("flaky", Scenario.ok().withDelayBeforeHeaders(Duration.ofMillis(400)));
        long start = System.nanoTime();

        // when
        int status = http.post("/chat/completions", CHAT).statusCode();

        // then
        assertThat(status).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void should_open_a_stream_at_once_and_send_its_first_event_after_the_delay_after_headers() throws Exception {
        // given
        upstream.script("flaky", Scenario.delayAfterHeaders(Duration.ofMillis(700)));

        // when
        TimedAnswer answer = callTimed(STREAM);

        // then the status and headers came before the pause, the role event after it
        assertThat(answer.response().statusCode()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(answer.headersMillis()).isLessThan(400);
        assertThat(answer.firstLine()).startsWith("data: ").contains("\"role\":\"assistant\"");
        assertThat(answer.firstLineMillis()).isGreaterThanOrEqualTo(700);
    }

    @Test
    void should_send_the_headers_of_a_whole_answer_before_its_delayed_body() throws Exception {
        // given
        upstream.script("flaky", Scenario.delayAfterHeaders(Duration.ofMillis(700)));

        // when
        TimedAnswer answer = callTimed(CHAT);

        // then
        assertThat(answer.response().statusCode()).isEqualTo(200);
        assertThat(answer.headersMillis()).isLessThan(400);
        assertThat(answer.firstLine()).contains("chat.completion");
        assertThat(answer.firstLineMillis()).isGreaterThanOrEqualTo(700);
    }

    @Test
    void should_cut_open_streams_when_closed() throws Exception {
        // given
        upstream.script("flaky", Scenario.stallAfterChunks(1, Duration.ofSeconds(30)));
        Thread closer = new Thread(() -> {
            sleep(300);
            upstream.close();
        });
        closer.start();
        long start = System.nanoTime();

        // when
        StreamCapture stream = http.stream("/chat/completions", STREAM);

        // then
        closer.join();
        assertThat(stream.endedWithDone()).isFalse();
        assertThat(stream.failure()).isPresent();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    /** An answer whose headers and first body line were timed separately, from the moment the request was sent. */
    private record TimedAnswer(HttpResponse<InputStream> response, long headersMillis, String firstLine,
                               long firstLineMillis) {
    }

    private TimedAnswer callTimed(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream()); // returns once the headers are in
        long headersMillis = (System.nanoTime() - start) / 1_000_000;
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String firstLine = body.readLine();
            return new TimedAnswer(response, headersMillis, firstLine, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static long millisBetween(TimedEvent earlier, TimedEvent later) {
        return (later.arrivedNanos() - earlier.arrivedNanos()) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
