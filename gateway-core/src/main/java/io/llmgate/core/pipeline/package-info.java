/**
 * The inference use case: route, call the provider through its adapter, hand the answer back. The
 * policy hooks that run around it (budget, rate limit, spend) are CDI interceptors from
 * {@link io.llmgate.core.hook}; their order is fixed in {@link io.llmgate.core.hook.HookOrder}.
 */
package io.llmgate.core.pipeline;
