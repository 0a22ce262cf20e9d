package io.llmgate.it.support;

import io.llmgate.testkit.provider.bedrock.FakeBedrock;
import io.llmgate.testkit.provider.anthropic.FakeAnthropic;

import java.util.List;

/**
 * The provider fakes of the integration suite and the deployments configured for each. A provider's
 * conformance test ({@link ProviderConformance}) uses the model names its entry declares here.
 */
public final class ProviderDeployments {

    /** One entry per provider; its YAML list items start at column 0 ({@code - model_name: ...}). */
    public static final List<ProviderDeployment> ALL = List.of(
            new ProviderDeployment("bedrock", FakeBedrock::start, apiBase -> """
                    - model_name: bedrock-claude
                      litellm_params:
                        model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
                        aws_access_key_id: %2$s
                        aws_secret_access_key: "%3$s"
                        aws_region_name: %4$s
                        aws_bedrock_runtime_endpoint: "%1$s"
                    - model_name: bedrock-cohere-embed
                      litellm_params:
                        model: bedrock/cohere.embed-english-v3
                        aws_access_key_id: %2$s
                        aws_secret_access_key: "%3$s"
                        aws_region_name: %4$s
                        aws_bedrock_runtime_endpoint: "%1$s"
                      model_info: { mode: embedding }
                    """.formatted(apiBase, FakeBedrock.ACCESS_KEY_ID, FakeBedrock.SECRET_ACCESS_KEY, FakeBedrock.REGION)),
            new ProviderDeployment("anthropic", FakeAnthropic::start, apiBase -> """
                    - model_name: claude-it
                      litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: "%s", api_key: %s }
                    """.formatted(apiBase, FakeAnthropic.API_KEY))
    );

    private ProviderDeployments() {
    }
}
