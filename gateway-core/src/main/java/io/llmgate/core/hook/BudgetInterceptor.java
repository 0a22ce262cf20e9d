package io.llmgate.core.hook;

import io.llmgate.core.pipeline.InferenceCall;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs the {@link BudgetGate} before the call; a refusal fails the call without reaching a provider. */
@Budgeted
@Interceptor
@Priority(HookOrder.BUDGET)
public class BudgetInterceptor {
    @Inject
    BudgetGate gate;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        gate.check(HookCalls.call(invocation));
        return invocation.proceed();
    }
}
