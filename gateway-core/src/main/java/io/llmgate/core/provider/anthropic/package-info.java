/**
 * Anthropic's Messages API ({@code anthropic/} models). {@link io.llmgate.core.provider.anthropic.ToAnthropic}
 * turns an OpenAI chat request into a Messages request, {@link io.llmgate.core.provider.anthropic.FromAnthropic}
 * and {@link io.llmgate.core.provider.anthropic.AnthropicStreamTranslator} turn the answer and its event stream
 * back, {@link io.llmgate.core.provider.anthropic.AnthropicErrors} classifies its errors, and
 * {@link io.llmgate.core.provider.anthropic.MessagesEndpoint} knows the URL and headers. These are public so
 * an Anthropic-format front door can reuse them; requests and answers are handled as Jackson trees because
 * both APIs grow fields the gateway passes on without knowing them.
 */
package io.llmgate.core.provider.anthropic;
