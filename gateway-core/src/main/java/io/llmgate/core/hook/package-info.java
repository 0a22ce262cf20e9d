/**
 * Policy hooks around the inference pipeline, as CDI interceptors: each binding is small and delegates
 * to a port ({@link io.llmgate.core.hook.BudgetGate}, {@link io.llmgate.core.hook.RateLimiter},
 * {@link io.llmgate.core.hook.CallObserver}) that later issues implement for real.
 */
package io.llmgate.core.hook;
