package io.llmgate.core.hook;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.upstream.EventStream;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RateLimitInterceptorTest {
    /** Counts permits taken and released; refuses when told to. */
    private static final class CountingLimiter implements RateLimiter {
        int acquired;
        int released;
        GatewayException refusal;

        @Override
        public Permit acquire(InferenceCall call) {
            if (refusal != null) {
                throw refusal;
            }
            acquired++;
            return () -> released++;
        }
    }

    private final CountingLimiter limiter = new CountingLimiter();
    private final RateLimitInterceptor interceptor = new RateLimitInterceptor();

    RateLimitInterceptorTest() {
        interceptor.limiter = limiter;
    }

    @Test
    void should_hold_the_permit_until_the_answer_arrives() throws Exception {
        // given
        CompletableFuture<CallOutcome> answer = new CompletableFuture<>();

        // when
        Object result = interceptor.limit(new Invocation(Calls.call("chat"), () -> answer));
        int releasedBeforeAnswer = limiter.released;
        answer.complete(Calls.answered());

        // then
        assertThat(result).isSameAs(answer);
        assertThat(limiter.acquired).isEqualTo(1);
        assertThat(releasedBeforeAnswer).isZero();
        assertThat(limiter.released).isEqualTo(1);
    }

    @Test
    void should_release_the_permit_when_the_call_fails() throws Exception {
        // given
        CompletableFuture<CallOutcome> answer = new CompletableFuture<>();
        interceptor.limit(new Invocation(Calls.call("chat"), () -> answer));

        // when
        answer.completeExceptionally(new GatewayException(ErrorType.UPSTREAM, "boom"));

        // then
        assertThat(limiter.released).isEqualTo(1);
    }

    @Test
    void should_hold_a_streams_permit_until_its_last_event_is_read() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push(new byte[] {'x'});
        events.finish();

        // when
        interceptor.limit(new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.streaming(events))));
        int releasedAtStart = limiter.released;
        events.next();
        int releasedMidStream = limiter.released;
        events.next();

        // then
        assertThat(releasedAtStart).isZero();
        assertThat(releasedMidStream).isZero();
        assertThat(limiter.released).isEqualTo(1);
    }

    @Test
    void should_release_a_streams_permit_when_the_client_goes_away() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        interceptor.limit(new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.streaming(events))));

        // when
        events.cancel();

        // then
        assertThat(limiter.released).isEqualTo(1);
    }

    @Test
    void should_release_the_permit_when_the_pipeline_throws() {
        // given
        IllegalStateException bug = new IllegalStateException("bug");

        // when
        Throwable thrown = catchThrowable(() -> interceptor.limit(new Invocation(Calls.call("chat"), () -> {
            throw bug;
        })));

        // then
        assertThat(thrown).isSameAs(bug);
        assertThat(limiter.released).isEqualTo(1);
    }

    @Test
    void should_not_call_the_pipeline_when_the_limiter_refuses() {
        // given
        limiter.refusal = new GatewayException(ErrorType.RATE_LIMIT, "limit");
        Invocation invocation = new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.answered()));

        // when
        Throwable thrown = catchThrowable(() -> interceptor.limit(invocation));

        // then
        assertThat(thrown).isSameAs(limiter.refusal);
        assertThat(invocation.proceeds()).isZero();
        assertThat(limiter.released).isZero();
    }
}
