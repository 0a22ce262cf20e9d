/**
 * Anthropic's Messages API as a front door ({@code /v1/messages}, {@code /v1/messages/count_tokens}) onto any
 * model group. A deployment whose adapter implements {@link io.llmgate.core.messages.NativeMessagesSupport}
 * gets the caller's body as is (model replaced) and its answer and events back byte for byte; every other
 * deployment is reached through its OpenAI-format adapter, with the request translated to an OpenAI chat
 * request ({@link io.llmgate.core.messages.AnthropicToOpenAiRequest}) and the answer, stream and errors
 * translated back ({@link io.llmgate.core.messages.OpenAiToAnthropicResponse},
 * {@link io.llmgate.core.messages.OpenAiToAnthropicStream}, {@link io.llmgate.core.messages.AnthropicErrorShape}).
 * Stream payloads of this front door are complete SSE frames ({@code event: <type>\ndata: <json>\n\n}).
 */
package io.llmgate.core.messages;
