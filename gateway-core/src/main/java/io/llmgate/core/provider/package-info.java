/**
 * Provider adapters: how one OpenAI-format request becomes a provider's wire request and how its
 * answers, stream events and errors come back. One sub-package per provider; the OpenAI-compatible
 * family is one adapter driven by {@link io.llmgate.core.provider.ProviderTable}.
 */
package io.llmgate.core.provider;
