/**
 * Provider adapters: how one OpenAI-format request becomes a provider's wire request and how its
 * answers, stream events and errors come back. One sub-package per provider; the OpenAI-compatible
 * family is one adapter driven by {@link io.llmgate.core.provider.ProviderTable}.
 * <p>
 * drop_params: each adapter declares the OpenAI parameters it honours
 * ({@link io.llmgate.core.provider.ProviderAdapter#supportedParams}, default all); {@link
 * io.llmgate.core.provider.DropParams} applies LiteLLM's rules before the adapter sees the request, so an
 * adapter's {@code toUpstream} only ever receives parameters it declared.
 */
package io.llmgate.core.provider;
