package io.llmgate.core.hook;

import jakarta.interceptor.Interceptor;

/**
 * The order of the pipeline's hooks, in one place. Lower runs first (outermost): observers see every
 * outcome including budget and rate-limit refusals; budget is checked before a rate-limit slot is taken.
 */
public final class HookOrder {
    public static final int OBSERVE = Interceptor.Priority.APPLICATION + 100;
    public static final int BUDGET = Interceptor.Priority.APPLICATION + 200;
    public static final int RATE_LIMIT = Interceptor.Priority.APPLICATION + 300;

    private HookOrder() {
    }
}
