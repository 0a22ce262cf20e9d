package io.llmgate.core.hook;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.FixedRuntime;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParallelRequestLimiterTest {
    @Test
    void should_admit_calls_up_to_the_limit_and_refuse_the_next_with_a_429() {
        // given
        ParallelRequestLimiter limiter = limiter("general_settings: { global_max_parallel_requests: 2 }\n");
        limiter.acquire(Calls.call("chat"));
        limiter.acquire(Calls.call("chat"));

        // when
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> limiter.acquire(Calls.call("chat")));

        // then
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(refused.retriable()).isTrue();
        assertThat(refused.provider()).isEqualTo("litellm_proxy");
        assertThat(refused.model()).isEqualTo("chat");
        assertThat(refused.getMessage()).contains("Max parallel request limit reached (2 in flight");
    }

    @Test
    void should_admit_a_call_again_once_a_permit_is_released() {
        // given
        ParallelRequestLimiter limiter = limiter("general_settings: { global_max_parallel_requests: 1 }\n");
        RateLimiter.Permit first = limiter.acquire(Calls.call("chat"));
        catchThrowableOfType(GatewayException.class, () -> limiter.acquire(Calls.call("chat")));

        // when
        first.release();
        RateLimiter.Permit second = limiter.acquire(Calls.call("chat"));

        // then
        assertThat(second).isNotNull();
        assertThat(catchThrowableOfType(GatewayException.class, () -> limiter.acquire(Calls.call("chat")))).isNotNull();
    }

    @Test
    void should_not_count_refused_calls_as_in_flight() {
        // given
        ParallelRequestLimiter limiter = limiter("general_settings: { global_max_parallel_requests: 1 }\n");
        RateLimiter.Permit held = limiter.acquire(Calls.call("chat"));
        for (int i = 0; i < 10; i++) {
            catchThrowableOfType(GatewayException.class, () -> limiter.acquire(Calls.call("chat")));
        }

        // when
        held.release();

        // then: one slot, free again
        limiter.acquire(Calls.call("chat"));
        assertThat(catchThrowableOfType(GatewayException.class, () -> limiter.acquire(Calls.call("chat")))).isNotNull();
    }

    @Test
    void should_admit_everything_when_no_limit_is_configured() {
        // given
        ParallelRequestLimiter limiter = limiter("model_list: []\n");
        List<RateLimiter.Permit> permits = new ArrayList<>();

        // when
        for (int i = 0; i < 10_000; i++) {
            permits.add(limiter.acquire(Calls.call("chat")));
        }

        // then
        assertThat(permits).hasSize(10_000);
        permits.forEach(RateLimiter.Permit::release);
    }

    private static ParallelRequestLimiter limiter(String yaml) {
        return new ParallelRequestLimiter(new FixedRuntime(ConfigFiles.load(yaml), null));
    }
}
