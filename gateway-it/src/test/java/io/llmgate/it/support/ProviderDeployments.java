package io.llmgate.it.support;

import java.util.List;

/**
 * The provider fakes of the integration suite and the deployments configured for each. A provider's
 * conformance test ({@link ProviderConformance}) uses the model names its entry declares here.
 */
public final class ProviderDeployments {

    /** One entry per provider; its YAML list items start at column 0 ({@code - model_name: ...}). */
    public static final List<ProviderDeployment> ALL = List.of(
    );

    private ProviderDeployments() {
    }
}
