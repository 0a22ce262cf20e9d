package io.llmgate.it.support;

import io.llmgate.testkit.provider.anthropic.FakeAnthropic;

import java.util.List;

/**
 * The provider fakes of the integration suite and the deployments configured for each. A provider's
 * conformance test ({@link ProviderConformance}) uses the model names its entry declares here.
 */
public final class ProviderDeployments {

    /** One entry per provider; its YAML list items start at column 0 ({@code - model_name: ...}). */
    public static final List<ProviderDeployment> ALL = List.of(
            new ProviderDeployment("anthropic", FakeAnthropic::start, apiBase -> """
                    - model_name: claude-it
                      litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: "%s", api_key: %s }
                    """.formatted(apiBase, FakeAnthropic.API_KEY))
    );

    private ProviderDeployments() {
    }
}
