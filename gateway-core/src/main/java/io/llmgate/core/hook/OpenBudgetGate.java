package io.llmgate.core.hook;

import io.llmgate.core.pipeline.InferenceCall;
import jakarta.enterprise.context.ApplicationScoped;

/** The budget gate until budgets exist (issue: virtual keys and budgets): every call is within budget. */
@ApplicationScoped
public class OpenBudgetGate implements BudgetGate {
    @Override
    public void check(InferenceCall call) {
        // no budgets are configured in this version
    }
}
