/** The OpenAI-compatible family: OpenAI itself, vLLM, Groq, Mistral and every other server that speaks OpenAI's API. */
package io.llmgate.core.provider.openai;
