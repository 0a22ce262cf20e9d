package io.llmgate.web.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.upstream.EventStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SseBodyTest {
    private final EventStream events = new EventStream(64 * 1024);

    @Test
    void should_frame_each_event_and_end_with_done() {
        // given
        events.push(bytes("{\"id\":1}"));
        events.push(bytes("{\"id\":2}"));
        events.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        new SseBody(events).write(out);

        // then
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("data: {\"id\":1}\n\ndata: {\"id\":2}\n\ndata: [DONE]\n\n");
        assertThat(events.completion().toCompletableFuture()).isCompletedWithValue(null);
    }

    @Test
    void should_flush_each_event_on_its_own() {
        // given
        events.push(bytes("{\"id\":1}"));
        events.push(bytes("{\"id\":2}"));
        events.finish();
        FlushRecorder out = new FlushRecorder();

        // when
        new SseBody(events).write(out);

        // then
        assertThat(out.atEachFlush).startsWith(
                "data: {\"id\":1}\n\n",
                "data: {\"id\":1}\n\ndata: {\"id\":2}\n\n");
        assertThat(out.atEachFlush.get(out.atEachFlush.size() - 1)).endsWith("data: [DONE]\n\n");
    }

    @Test
    void should_end_a_broken_stream_with_an_error_event_and_no_done() throws Exception {
        // given
        events.push(bytes("{\"id\":1}"));
        events.fail(GatewayException.upstream(ErrorType.TIMEOUT, 408, "Request to openai at http://x:1 timed out after 5s "
                + "waiting for the stream", true, "openai", "gpt-4o", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        new SseBody(events).write(out);

        // then
        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).startsWith("data: {\"id\":1}\n\ndata: {\"error\":").endsWith("}\n\n").doesNotContain("[DONE]");
        String lastFrame = written.substring("data: {\"id\":1}\n\n".length());
        JsonNode error = Json.mapper().readTree(lastFrame.substring("data: ".length()).trim()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("408");
        assertThat(error.path("type").asText()).isEqualTo("timeout_error");
        assertThat(error.path("llm_provider").asText()).isEqualTo("openai");
        assertThat(error.path("message").asText()).contains("timed out");
    }

    @Test
    void should_write_anthropic_frames_as_they_are_and_end_without_done() {
        // given
        String start = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n";
        String stop = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        events.push(bytes(start));
        events.push(bytes(stop));
        events.finish();
        FlushRecorder out = new FlushRecorder();

        // when
        new SseBody(events, SseFraming.ANTHROPIC).write(out);

        // then
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(start + stop);
        assertThat(out.atEachFlush).startsWith(start, start + stop);
    }

    @Test
    void should_end_a_broken_anthropic_stream_with_an_error_event() throws Exception {
        // given
        events.push(bytes("event: ping\ndata: {\"type\":\"ping\"}\n\n"));
        events.fail(GatewayException.upstream(ErrorType.API_CONNECTION, 502, "The answer from openai at http://x:1 ended "
                + "unexpectedly (connection closed before the end)", true, "openai", "gpt-4o", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        new SseBody(events, SseFraming.ANTHROPIC).write(out);

        // then
        String written = out.toString(StandardCharsets.UTF_8);
        String last = written.substring("event: ping\ndata: {\"type\":\"ping\"}\n\n".length());
        assertThat(last).startsWith("event: error\ndata: ").endsWith("\n\n");
        JsonNode error = Json.mapper().readTree(last.substring("event: error\ndata: ".length()).trim());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(error.at("/error/message").asText()).contains("ended unexpectedly");
    }

    @Test
    void should_cancel_the_stream_when_the_client_goes_away() {
        // given
        events.push(bytes("{\"id\":1}"));
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        // when
        new SseBody(events).write(gone);

        // then
        assertThat(events.isCancelled()).isTrue();
        assertThat(catchThrowable(() -> events.completion().toCompletableFuture().join()))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void should_cancel_the_stream_and_keep_the_interrupt_when_the_writer_is_interrupted() throws Exception {
        // given: no event ever arrives
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            new SseBody(events).write(new ByteArrayOutputStream());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        writer.start();

        // when
        Thread.sleep(100);
        writer.interrupt();
        writer.join(5_000);

        // then
        assertThat(writer.isAlive()).isFalse();
        assertThat(events.isCancelled()).isTrue();
        assertThat(stillInterrupted).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Remembers everything written so far each time it is flushed. */
    private static final class FlushRecorder extends ByteArrayOutputStream {
        final List<String> atEachFlush = new ArrayList<>();

        @Override
        public void flush() {
            atEachFlush.add(toString(StandardCharsets.UTF_8));
        }
    }
}
