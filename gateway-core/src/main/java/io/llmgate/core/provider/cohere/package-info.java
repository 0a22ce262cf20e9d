/**
 * Cohere's v2 API: chat ({@code POST /v2/chat}, JSON or server-sent events typed {@code message-start} ...
 * {@code message-end}) and embeddings ({@code POST /v2/embed}), translated to and from OpenAI's format.
 */
package io.llmgate.core.provider.cohere;
