/**
 * Azure OpenAI: OpenAI's API behind per-deployment URLs ({@code /openai/deployments/{deployment}/...?api-version=}),
 * authenticated with an {@code api-key} header or a Microsoft Entra ID bearer token, with Azure's content-filter
 * errors and stream extras mapped to what OpenAI clients expect.
 */
package io.llmgate.core.provider.azure;
