package io.llmgate.core.hook;

import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.interceptor.InvocationContext;

import java.util.concurrent.CompletionStage;

/** What every hook interceptor reads from the intercepted {@code InferencePipeline.execute(InferenceCall)}. */
final class HookCalls {
    private HookCalls() {
    }

    static InferenceCall call(InvocationContext invocation) {
        return (InferenceCall) invocation.getParameters()[0];
    }

    @SuppressWarnings("unchecked")
    static CompletionStage<CallOutcome> proceed(InvocationContext invocation) throws Exception {
        return (CompletionStage<CallOutcome>) invocation.proceed();
    }
}
