/**
 * A fake of Google AI Studio's Gemini API, and the {@code GenerateContentResponse} rendering it shares
 * with the Vertex AI fake ({@link io.llmgate.testkit.provider.vertex}).
 */
package io.llmgate.testkit.provider.gemini;
