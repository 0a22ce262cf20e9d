package io.llmgate.core.upstream;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.StreamTranslator;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.BasicEntityDetails;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A translator that reports a provider's in-stream error by throwing ends the stream with that error. */
class TranslatorFailureTest {
    private static final GatewayException OVERLOADED = GatewayException.upstream(ErrorType.SERVICE_UNAVAILABLE, 529,
            "overloaded", true, "anthropic", "claude", null);
    /** Passes events through until one named {@code error}. */
    private static final StreamTranslator FAILING_ON_ERROR = (event, emit) -> {
        if ("error".equals(event.event())) {
            throw OVERLOADED;
        }
        emit.accept(event.data());
        return true;
    };

    @Test
    void should_end_a_started_stream_with_the_error_the_translator_throws() throws Exception {
        // given
        CompletableFuture<EventStream> started = new CompletableFuture<>();
        StreamingConsumer consumer = consumer(started);

        // when
        feed(consumer, "event: message_start\ndata: {\"a\":1}\n\nevent: error\ndata: {}\n\ndata: {\"late\":1}\n\n");

        // then
        EventStream events = started.get();
        assertThat(new String(events.next(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(catchThrowable(events::next)).isSameAs(OVERLOADED);
    }

    @Test
    void should_fail_the_call_when_the_translator_throws_before_the_stream_started() {
        // given
        CompletableFuture<EventStream> started = new CompletableFuture<>();
        StreamingConsumer consumer = consumer(started);

        // when
        feed(consumer, "event: error\ndata: {}\n\n");

        // then
        assertThat(catchThrowable(started::get)).hasCause(OVERLOADED);
    }

    private static StreamingConsumer consumer(CompletableFuture<EventStream> started) {
        return new StreamingConsumer(64 * 1024, FAILING_ON_ERROR, (status, body) -> OVERLOADED,
                failure -> new GatewayException(ErrorType.API_CONNECTION, "transport: " + failure),
                Exchanges.startingInto(started));
    }

    private static void feed(StreamingConsumer consumer, String sse) {
        consumer.consumeResponse(new BasicHttpResponse(200), new BasicEntityDetails(-1, ContentType.TEXT_EVENT_STREAM),
                null, new FutureCallback<>() {
                    @Override
                    public void completed(Void result) {
                    }

                    @Override
                    public void failed(Exception ex) {
                    }

                    @Override
                    public void cancelled() {
                    }
                });
        try {
            consumer.consume(ByteBuffer.wrap(sse.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        consumer.streamEnd(null);
    }
}
