package io.llmgate.core.hook;

import io.llmgate.core.pipeline.InferenceCall;

/** Port: decides before a call whether the caller's budgets allow it. Must not block on I/O. */
public interface BudgetGate {
    /** @throws io.llmgate.api.error.GatewayException when a budget is exhausted */
    void check(InferenceCall call);
}
