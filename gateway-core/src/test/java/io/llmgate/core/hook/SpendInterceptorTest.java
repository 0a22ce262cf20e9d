package io.llmgate.core.hook;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.upstream.EventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SpendInterceptorTest {
    /** Writes down every callback it receives, in order. */
    private static final class Recorder implements CallObserver {
        final List<String> seen = new ArrayList<>();
        final List<GatewayException> errors = new ArrayList<>();

        @Override
        public void onRequest(InferenceCall call) {
            seen.add("request " + call.callId());
        }

        @Override
        public void onResponse(InferenceCall call, CallOutcome outcome) {
            seen.add("response " + call.callId());
        }

        @Override
        public void onError(InferenceCall call, GatewayException error) {
            seen.add("error " + call.callId() + " " + error.status());
            errors.add(error);
        }
    }

    private final Recorder recorder = new Recorder();
    private final SpendInterceptor interceptor = new SpendInterceptor();

    SpendInterceptorTest() {
        interceptor.observers = new Observers(recorder);
    }

    @Test
    void should_report_the_request_then_the_response() throws Exception {
        // given
        CompletableFuture<CallOutcome> answer = new CompletableFuture<>();

        // when
        interceptor.observe(new Invocation(Calls.call("chat"), () -> answer));
        List<String> beforeAnswer = List.copyOf(recorder.seen);
        answer.complete(Calls.answered());

        // then
        assertThat(beforeAnswer).containsExactly("request call-chat");
        assertThat(recorder.seen).containsExactly("request call-chat", "response call-chat");
    }

    @Test
    void should_report_a_failed_call_once_with_its_gateway_exception() throws Exception {
        // given
        GatewayException failure = new GatewayException(ErrorType.UPSTREAM, "boom");
        CompletableFuture<CallOutcome> answer = new CompletableFuture<>();
        interceptor.observe(new Invocation(Calls.call("chat"), () -> answer));

        // when: as a dependent stage would see it, wrapped
        answer.completeExceptionally(new CompletionException(failure));

        // then
        assertThat(recorder.seen).containsExactly("request call-chat", "error call-chat 502");
        assertThat(recorder.errors).containsExactly(failure);
    }

    @Test
    void should_report_a_refusal_thrown_by_an_inner_hook() {
        // given
        GatewayException refusal = new GatewayException(ErrorType.RATE_LIMIT, "limit");

        // when
        Throwable thrown = catchThrowable(() -> interceptor.observe(new Invocation(Calls.call("chat"), () -> {
            throw refusal;
        })));

        // then
        assertThat(thrown).isSameAs(refusal);
        assertThat(recorder.seen).containsExactly("request call-chat", "error call-chat 429");
    }

    @Test
    void should_report_a_stream_only_after_its_last_event() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push(new byte[] {'x'});
        events.finish();
        interceptor.observe(new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.streaming(events))));

        // when
        events.next();
        List<String> midStream = List.copyOf(recorder.seen);
        events.next();

        // then
        assertThat(midStream).containsExactly("request call-chat");
        assertThat(recorder.seen).containsExactly("request call-chat", "response call-chat");
    }

    @Test
    void should_report_a_stream_that_broke_as_an_error() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.fail(new GatewayException(ErrorType.TIMEOUT, "stalled"));
        interceptor.observe(new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.streaming(events))));

        // when
        catchThrowable(events::next);

        // then
        assertThat(recorder.seen).containsExactly("request call-chat", "error call-chat 408");
    }

    @Test
    void should_report_a_cancelled_stream_as_an_error() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        interceptor.observe(new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.streaming(events))));

        // when
        events.cancel();

        // then: exactly one error (the status a departed client is reported with is not pinned here)
        assertThat(recorder.seen).hasSize(2).first().isEqualTo("request call-chat");
        assertThat(recorder.seen.get(1)).startsWith("error call-chat ");
    }

    @Test
    void should_keep_the_callers_answer_and_the_other_observers_when_an_observer_fails() throws Exception {
        // given
        CallObserver failing = new CallObserver() {
            @Override
            public void onRequest(InferenceCall call) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void onResponse(InferenceCall call, CallOutcome outcome) {
                throw new IllegalStateException("observer bug");
            }
        };
        interceptor.observers = new Observers(failing, recorder);
        CompletableFuture<CallOutcome> answer = CompletableFuture.completedFuture(Calls.answered());

        // when
        Object result = interceptor.observe(new Invocation(Calls.call("chat"), () -> answer));

        // then
        assertThat(result).isSameAs(answer);
        assertThat(recorder.seen).containsExactly("request call-chat", "response call-chat");
    }
}
