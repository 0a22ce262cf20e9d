/**
 * Google's Gemini API (AI Studio, prefix {@code gemini/}): the OpenAI-to-Gemini translation in both
 * directions, the stream translator and the error table are public because Vertex AI
 * ({@link io.llmgate.core.provider.vertex}) serves the same {@code generateContent} wire format behind a
 * different URL and credential.
 */
package io.llmgate.core.provider.gemini;
