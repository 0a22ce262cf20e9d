package io.llmgate.core.hook;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class BudgetInterceptorTest {
    private final BudgetInterceptor interceptor = new BudgetInterceptor();

    @Test
    void should_not_reach_the_pipeline_when_the_budget_gate_refuses() {
        // given
        GatewayException exhausted = new GatewayException(ErrorType.RATE_LIMIT, "Budget has been exceeded");
        interceptor.gate = call -> {
            throw exhausted;
        };
        Invocation invocation = new Invocation(Calls.call("chat"), () -> CompletableFuture.completedFuture(Calls.answered()));

        // when
        Throwable thrown = catchThrowable(() -> interceptor.check(invocation));

        // then
        assertThat(thrown).isSameAs(exhausted);
        assertThat(invocation.proceeds()).isZero();
    }

    @Test
    void should_proceed_when_the_open_gate_allows_every_call() throws Exception {
        // given
        interceptor.gate = new OpenBudgetGate();
        CompletableFuture<io.llmgate.core.pipeline.CallOutcome> answer = CompletableFuture.completedFuture(Calls.answered());
        Invocation invocation = new Invocation(Calls.call("chat"), () -> answer);

        // when
        Object result = interceptor.check(invocation);

        // then
        assertThat(result).isSameAs(answer);
        assertThat(invocation.proceeds()).isEqualTo(1);
    }
}
