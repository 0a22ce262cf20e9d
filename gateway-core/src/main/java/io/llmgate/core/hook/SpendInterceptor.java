package io.llmgate.core.hook;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Tells every {@link CallObserver} about the call: once when it starts and exactly once when it ends,
 * refused by a hook, failed, answered, or (for streams) after the last event.
 */
@SpendTracked
@Interceptor
@Priority(HookOrder.OBSERVE)
public class SpendInterceptor {
    private static final System.Logger LOG = System.getLogger(SpendInterceptor.class.getName());

    @Inject
    Instance<CallObserver> observers;
    /** Resolved once: observers are application-scoped, and resolving per call costs microseconds. */
    private volatile List<CallObserver> resolved;

    @AroundInvoke
    public Object observe(InvocationContext invocation) throws Exception {
        InferenceCall call = HookCalls.call(invocation);
        List<CallObserver> all = resolved;
        if (all == null) {
            all = observers.stream().toList();
            resolved = all;
        }
        List<CallObserver> notified = all;
        notified.forEach(o -> safely(() -> o.onRequest(call)));
        CompletionStage<CallOutcome> result;
        try {
            result = HookCalls.proceed(invocation);
        } catch (GatewayException e) {
            notified.forEach(o -> safely(() -> o.onError(call, e)));
            throw e;
        }
        result.whenComplete((outcome, error) -> {
            if (outcome == null) {
                GatewayException failure = asGatewayException(error);
                notified.forEach(o -> safely(() -> o.onError(call, failure)));
                return;
            }
            outcome.finished().whenComplete((done, streamError) -> {
                if (streamError == null) {
                    notified.forEach(o -> safely(() -> o.onResponse(call, outcome)));
                } else {
                    GatewayException failure = asGatewayException(streamError);
                    notified.forEach(o -> safely(() -> o.onError(call, failure)));
                }
            });
        });
        return result;
    }

    private static GatewayException asGatewayException(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof java.util.concurrent.CancellationException) {
            return GatewayException.clientClosed();
        }
        return cause instanceof GatewayException g ? g
                : new GatewayException(io.llmgate.api.error.ErrorType.INTERNAL, "call ended: " + cause.getClass().getSimpleName());
    }

    /** An observer's failure must never change the caller's answer. */
    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A call observer failed: {0}", e.getClass().getName());
        }
    }
}
