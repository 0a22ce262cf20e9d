/**
 * A fake of Vertex AI: Gemini's {@code generateContent} wire format at project/location-scoped paths,
 * authorized by bearer tokens it issues itself from an OAuth token endpoint, for a service account whose
 * key it generates.
 */
package io.llmgate.testkit.provider.vertex;
