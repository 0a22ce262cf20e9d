package io.llmgate.core.hook;

import io.llmgate.core.pipeline.CallOutcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.concurrent.CompletionStage;

/** Takes a {@link RateLimiter} permit before the call and releases it once the caller has everything. */
@RateLimited
@Interceptor
@Priority(HookOrder.RATE_LIMIT)
public class RateLimitInterceptor {
    @Inject
    RateLimiter limiter;

    @AroundInvoke
    public Object limit(InvocationContext invocation) throws Exception {
        RateLimiter.Permit permit = limiter.acquire(HookCalls.call(invocation));
        CompletionStage<CallOutcome> result;
        try {
            result = HookCalls.proceed(invocation);
        } catch (Exception | Error e) {
            permit.release();
            throw e;
        }
        result.whenComplete((outcome, error) -> {
            if (outcome == null) {
                permit.release();
            } else {
                outcome.finished().whenComplete((done, failure) -> permit.release());
            }
        });
        return result;
    }
}
