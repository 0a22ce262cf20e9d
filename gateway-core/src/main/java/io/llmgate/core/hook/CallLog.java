package io.llmgate.core.hook;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One log line per finished call at DEBUG (FINE): call id, model group, deployment, status. Never
 * the prompt, the answer or a key. The spend ledger joins it as a second observer in a later issue.
 */
@ApplicationScoped
public class CallLog implements CallObserver {
    private static final System.Logger LOG = System.getLogger(CallLog.class.getName());

    @Override
    public void onResponse(InferenceCall call, CallOutcome outcome) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "call {0} model={1} deployment={2} ok ({3} ms)", call.callId(),
                    call.request().model(), outcome.deployment().id(),
                    (System.nanoTime() - call.receivedNanos()) / 1_000_000);
        }
    }

    @Override
    public void onError(InferenceCall call, GatewayException error) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "call {0} model={1} failed {2} {3}", call.callId(),
                    call.request().model(), error.status(), error.type().wireName());
        }
    }
}
