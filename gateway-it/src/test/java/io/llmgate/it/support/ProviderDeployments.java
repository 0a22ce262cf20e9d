package io.llmgate.it.support;

import io.llmgate.testkit.provider.gemini.FakeGemini;
import io.llmgate.testkit.provider.vertex.FakeVertex;

import java.util.List;

/**
 * The provider fakes of the integration suite and the deployments configured for each. A provider's
 * conformance test ({@link ProviderConformance}) uses the model names its entry declares here.
 */
public final class ProviderDeployments {

    /** One entry per provider; its YAML list items start at column 0 ({@code - model_name: ...}). */
    public static final List<ProviderDeployment> ALL = List.of(
            new ProviderDeployment("gemini", FakeGemini::start, apiBase -> """
                    - model_name: gemini-chat
                      litellm_params: { model: gemini/gemini-2.0-flash, api_base: "%1$s", api_key: %2$s }
                    - model_name: gemini-embedding
                      litellm_params: { model: gemini/text-embedding-004, api_base: "%1$s", api_key: %2$s }
                      model_info: { mode: embedding }
                    """.formatted(apiBase, FakeGemini.API_KEY)),
            // the fake wrote a service-account key file whose token_uri is its own token endpoint
            new ProviderDeployment("vertex_ai", FakeVertex::start, apiBase -> """
                    - model_name: vertex-chat
                      litellm_params: { model: vertex_ai/gemini-2.5-flash, api_base: "%1$s", vertex_project: %2$s,
                                        vertex_location: %3$s, vertex_credentials: "%4$s" }
                    - model_name: vertex-embedding
                      litellm_params: { model: vertex_ai/text-embedding-005, api_base: "%1$s", vertex_project: %2$s,
                                        vertex_location: %3$s, vertex_credentials: "%4$s" }
                      model_info: { mode: embedding }
                    """.formatted(apiBase, FakeVertex.PROJECT, FakeVertex.LOCATION, FakeVertex.credentialsFile(apiBase)))
    );

    private ProviderDeployments() {
    }
}
