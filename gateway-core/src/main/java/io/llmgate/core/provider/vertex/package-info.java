/**
 * Vertex AI ({@code vertex_ai/<model>}): Gemini's {@code generateContent} wire format (translated by
 * {@link io.llmgate.core.provider.gemini}) at a project- and location-scoped URL, authorized with OAuth
 * access tokens that Google's auth library mints from a service account and refreshes.
 */
package io.llmgate.core.provider.vertex;
