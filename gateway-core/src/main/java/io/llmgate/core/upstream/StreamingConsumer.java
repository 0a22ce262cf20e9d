package io.llmgate.core.upstream;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.StreamTranslator;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Consumes a provider's SSE answer as it arrives: bytes are parsed into events, translated, and queued
 * on an {@link EventStream}. Upstream capacity is granted only while the stream has room (see
 * {@link EventStream}). The {@link StartListener} learns exactly once whether the stream started (first
 * event) or failed before it; failures after the start travel inside the stream.
 */
public final class StreamingConsumer implements AsyncResponseConsumer<Void> {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Told once: either {@code started} or {@code failed}. Called on an I/O thread: must not block. */
    public interface StartListener {
        void started(EventStream stream);

        void failed(GatewayException error);
    }

    private final EventStream stream;
    private final StreamTranslator translator;
    private final BiFunction<Integer, byte[], GatewayException> errorAnswer;
    private final Function<Throwable, GatewayException> transportFailure;
    private final StartListener listener;
    private final int window;
    private final FrameDecoder parser;
    private final AtomicBoolean decided = new AtomicBoolean();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile CapacityChannel capacity;
    private volatile FutureCallback<Void> result;
    private volatile boolean started;
    private volatile boolean ended;
    private volatile boolean abandoned;
    private int errorStatus;
    private ByteBuffer errorBody;
    private OptionalLong errorRetryAfter = OptionalLong.empty();

    public StreamingConsumer(int windowBytes, StreamTranslator translator,
                             BiFunction<Integer, byte[], GatewayException> errorAnswer,
                             Function<Throwable, GatewayException> transportFailure, StartListener listener) {
        this(windowBytes, SseParser::new, translator, errorAnswer, transportFailure, listener);
    }

    /** @param framing makes the decoder that cuts the body into events (SSE, AWS event-stream, ...) */
    public StreamingConsumer(int windowBytes, Function<Consumer<SseEvent>, FrameDecoder> framing,
                             StreamTranslator translator, BiFunction<Integer, byte[], GatewayException> errorAnswer,
                             Function<Throwable, GatewayException> transportFailure, StartListener listener) {
        this.parser = framing.apply(this::onEvent);
        this.window = windowBytes;
        this.stream = new EventStream(windowBytes);
        this.translator = translator;
        this.errorAnswer = errorAnswer;
        this.transportFailure = transportFailure;
        this.listener = listener;
        stream.onDrained(this::grantIfRoom);
    }

    /**
     * Lets {@link EventStream#cancel()} abort the exchange. Cancelling HttpClient's future alone leaves an
     * exchange that is already streaming connected, so the consumer also fails on the next bytes it is
     * handed, which makes HttpClient close the connection and the provider stop generating.
     */
    public void cancelWith(Runnable abort) {
        stream.onCancel(() -> {
            abandoned = true;
            abort.run();
        });
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<Void> resultCallback) {
        int status = response.getCode();
        if (status < 200 || status >= 300) {
            errorStatus = status;
            errorBody = ByteBuffer.allocate(MAX_ERROR_BODY);
            errorRetryAfter = RetryAfter.seconds(response, Clock.systemUTC());
        }
        // the exchange's result is complete only at the end of the body: completing it at the head lets
        // HttpClient see a finished future while it still wires the exchange, which it then aborts
        this.result = resultCallback;
        if (entity == null) {
            streamEnd(null);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing for the client
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        boolean first = capacity == null;
        capacity = channel;
        if (first) {
            channel.update(window);
        } else {
            grantIfRoom();
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (abandoned) {
            throw new java.io.InterruptedIOException("the client went away");
        }
        if (errorBody != null) {
            int incoming = src.remaining();
            int take = Math.min(incoming, errorBody.remaining());
            src.limit(src.position() + take);
            errorBody.put(src);
            // credit what is dropped beyond MAX_ERROR_BODY too, or a long error body stalls until the timeout
            outstanding.addAndGet(incoming);
            grantIfRoom();
            return;
        }
        outstanding.addAndGet(src.remaining());
        if (!ended) {
            parser.feed(src);
        } else {
            src.position(src.limit());
        }
        grantIfRoom();
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        if (errorBody != null) {
            byte[] body = new byte[errorBody.position()];
            errorBody.flip().get(body);
            GatewayException error = errorAnswer.apply(errorStatus, body);
            failBeforeOrInStream(errorRetryAfter.isPresent() ? error.withRetryAfter(errorRetryAfter.getAsLong()) : error);
        } else if (!ended && !parser.hasPartialEvent() && translator.onClose(this::emit)) {
            ended = true;
            start();
            stream.finish();
        } else if (!ended) {
            failBeforeOrInStream(transportFailure.apply(new StreamEndedEarlyException(started)));
        }
        FutureCallback<Void> callback = result;
        if (callback != null) {
            callback.completed(null);
        }
    }

    @Override
    public void failed(Exception cause) {
        if (!ended) {
            failBeforeOrInStream(transportFailure.apply(cause));
        }
    }

    @Override
    public void releaseResources() {
        // buffers are released with the consumer
    }

    private void onEvent(SseEvent event) {
        if (ended) {
            return;
        }
        boolean more;
        try {
            more = translator.onEvent(event, this::emit);
        } catch (GatewayException e) {
            // the provider reported an error inside the stream (Anthropic's event: error): end it with that error
            failBeforeOrInStream(e);
            return;
        }
        if (!more) {
            ended = true;
            start();
            stream.finish();
        }
    }

    private void emit(byte[] payload) {
        stream.push(payload);
        start();
    }

    private void start() {
        if (!started) {
            started = true;
            if (decided.compareAndSet(false, true)) {
                listener.started(stream);
            }
        }
    }

    private void failBeforeOrInStream(GatewayException error) {
        ended = true;
        if (decided.compareAndSet(false, true)) {
            listener.failed(error);
        } else {
            stream.fail(error);
        }
    }

    private void grantIfRoom() {
        CapacityChannel channel = capacity;
        if (channel == null || !stream.hasRoom()) {
            return;
        }
        long credit = outstanding.getAndSet(0);
        if (credit > 0) {
            try {
                channel.update((int) Math.min(credit, Integer.MAX_VALUE));
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    /** The provider closed the stream without its end marker. */
    public static final class StreamEndedEarlyException extends IOException {
        private static final long serialVersionUID = 1L;

        StreamEndedEarlyException(boolean afterFirstEvent) {
            super(afterFirstEvent ? "stream ended before its end marker" : "stream ended before any event");
        }
    }
}
