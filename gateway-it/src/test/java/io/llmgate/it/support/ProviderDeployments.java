package io.llmgate.it.support;

import io.llmgate.testkit.provider.bedrock.FakeBedrock;
import io.llmgate.testkit.provider.anthropic.FakeAnthropic;
import io.llmgate.testkit.provider.cohere.FakeCohere;
import io.llmgate.testkit.provider.openai.FakeOpenAiProvider;
import io.llmgate.testkit.provider.gemini.FakeGemini;
import io.llmgate.testkit.provider.vertex.FakeVertex;

import java.util.List;

/**
 * The provider fakes of the integration suite and the deployments configured for each. A provider's
 * conformance test ({@link ProviderConformance}) uses the model names its entry declares here.
 */
public final class ProviderDeployments {
    public static final String OPENAI_KEY = "sk-openai-conformance-4411";
    public static final String AZURE_KEY = "azure-conformance-key-7720";
    public static final String AZURE_API_VERSION = "2024-10-21";
    public static final String COHERE_KEY = "co-conformance-key-9301";

    /** One entry per provider; its YAML list items start at column 0 ({@code - model_name: ...}). */
    public static final List<ProviderDeployment> ALL = List.of(
            new ProviderDeployment("openai", FakeOpenAiProvider::openAi, apiBase -> """
                    - model_name: conformance-openai-chat
                      litellm_params: { model: openai/gpt-4o-conformance, api_base: "%1$s", api_key: %2$s }
                    - model_name: conformance-openai-embed
                      litellm_params: { model: openai/text-embedding-3-conformance, api_base: "%1$s", api_key: %2$s }
                    """.formatted(apiBase, OPENAI_KEY)),
            new ProviderDeployment("azure", FakeOpenAiProvider::azure, apiBase -> """
                    - model_name: conformance-azure-chat
                      litellm_params: { model: azure/gpt-4o-deployment, api_base: "%1$s", api_key: %2$s, api_version: "%3$s" }
                    - model_name: conformance-azure-embed
                      litellm_params: { model: azure/embedding-deployment, api_base: "%1$s", api_key: %2$s, api_version: "%3$s" }
                    - model_name: conformance-azure-entra
                      litellm_params: { model: azure/gpt-4o-entra, api_base: "%1$s", tenant_id: conformance-tenant,
                                        client_id: conformance-client, client_secret: conformance-secret,
                                        azure_authority_host: "%1$s" }
                    """.formatted(apiBase, AZURE_KEY, AZURE_API_VERSION)),
            new ProviderDeployment("cohere", FakeCohere::start, apiBase -> """
                    - model_name: conformance-cohere-chat
                      litellm_params: { model: cohere/command-r-plus-conformance, api_base: "%1$s", api_key: %2$s }
                    - model_name: conformance-cohere-embed
                      litellm_params: { model: cohere/embed-english-v3.0, api_base: "%1$s", api_key: %2$s }
                    """.formatted(apiBase, COHERE_KEY)),
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
                    """.formatted(apiBase, FakeAnthropic.API_KEY)),
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
