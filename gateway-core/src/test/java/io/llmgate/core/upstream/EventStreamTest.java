package io.llmgate.core.upstream;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class EventStreamTest {
    private final EventStream stream = new EventStream(1024);

    @Test
    void should_block_next_until_an_event_is_pushed() throws Exception {
        // given
        CompletableFuture<byte[]> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.next();
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        // when
        Thread.sleep(150);
        boolean doneBeforePush = taken.isDone();
        stream.push(bytes("one"));

        // then
        assertThat(doneBeforePush).isFalse();
        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo(bytes("one"));
    }

    @Test
    void should_hand_out_events_in_order_then_null_after_finish() throws Exception {
        // given
        stream.push(bytes("one"));
        stream.push(bytes("two"));
        stream.finish();

        // when / then
        assertThat(stream.next()).isEqualTo(bytes("one"));
        assertThat(stream.next()).isEqualTo(bytes("two"));
        assertThat(stream.next()).isNull();
        assertThat(stream.next()).as("the end stays the end").isNull();
    }

    @Test
    void should_complete_normally_once_the_end_is_read() throws Exception {
        // given
        stream.push(bytes("one"));
        stream.finish();

        // when
        stream.next();
        boolean doneBeforeEnd = stream.completion().toCompletableFuture().isDone();
        stream.next();

        // then
        assertThat(doneBeforeEnd).isFalse();
        assertThat(stream.completion().toCompletableFuture()).isCompletedWithValue(null);
    }

    @Test
    void should_throw_the_failure_after_the_events_before_it() throws Exception {
        // given
        GatewayException failure = new GatewayException(ErrorType.TIMEOUT, "stream stalled");
        stream.push(bytes("one"));
        stream.fail(failure);

        // when
        byte[] first = stream.next();
        Throwable thrown = catchThrowable(stream::next);

        // then
        assertThat(first).isEqualTo(bytes("one"));
        assertThat(thrown).isSameAs(failure);
        assertThatThrownBy(stream::next).as("the failure stays").isSameAs(failure);
        assertThat(stream.completion().toCompletableFuture()).isCompletedExceptionally();
        assertThat(catchThrowable(() -> stream.completion().toCompletableFuture().join())).hasCause(failure);
    }

    @Test
    void should_run_the_cancel_action_once_and_complete_exceptionally() {
        // given
        AtomicInteger aborts = new AtomicInteger();
        stream.onCancel(aborts::incrementAndGet);

        // when
        stream.cancel();
        stream.cancel();

        // then
        assertThat(aborts).hasValue(1);
        assertThat(stream.isCancelled()).isTrue();
        assertThat(catchThrowable(() -> stream.completion().toCompletableFuture().join()))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void should_run_a_cancel_action_registered_after_the_cancel() {
        // given
        AtomicInteger aborts = new AtomicInteger();
        stream.cancel();

        // when
        stream.onCancel(aborts::incrementAndGet);

        // then
        assertThat(aborts).hasValue(1);
    }

    @Test
    void should_not_be_cancelled_before_cancel() {
        // then
        assertThat(stream.isCancelled()).isFalse();
        assertThat(stream.completion().toCompletableFuture()).isNotDone();
    }

    @Test
    void should_have_room_until_half_the_window_is_queued_and_again_after_draining() throws Exception {
        // given
        AtomicInteger drained = new AtomicInteger();
        stream.onDrained(drained::incrementAndGet);

        // when / then
        stream.push(new byte[511]);
        assertThat(stream.hasRoom()).isTrue();
        stream.push(new byte[1]);
        assertThat(stream.hasRoom()).isFalse();
        assertThat(stream.queuedBytes()).isEqualTo(512);
        stream.next();
        assertThat(stream.hasRoom()).isTrue();
        assertThat(stream.queuedBytes()).isEqualTo(1);
        assertThat(drained).hasPositiveValue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
