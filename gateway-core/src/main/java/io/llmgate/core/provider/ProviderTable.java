package io.llmgate.core.provider;

import io.llmgate.core.provider.gemini.GeminiAdapter;
import io.llmgate.core.provider.openai.OpenAiCompatibleAdapter;
import io.llmgate.core.provider.vertex.VertexAdapter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The providers the gateway knows, by {@code litellm_params.model} prefix. The OpenAI-compatible
 * family is rows of this table sharing one adapter, not a class per name.
 */
public final class ProviderTable {
    /** The provider assumed when a model has no known prefix but the deployment names its own api_base. */
    public static final String OPENAI_LIKE = "openai_like";

    private final Map<String, Provider> byPrefix = new HashMap<>();

    private ProviderTable() {
    }

    public static ProviderTable standard() {
        ProviderTable table = new ProviderTable();
        ProviderAdapter openAi = new OpenAiCompatibleAdapter();
        table.openAiCompatible(openAi, "openai", "https://api.openai.com/v1", "OPENAI_API_KEY");
        table.openAiCompatible(openAi, "text-completion-openai", "https://api.openai.com/v1", "OPENAI_API_KEY");
        table.openAiCompatible(openAi, OPENAI_LIKE, null, null);
        table.openAiCompatible(openAi, "custom_openai", null, null);
        table.openAiCompatible(openAi, "hosted_vllm", null, "HOSTED_VLLM_API_KEY");
        table.openAiCompatible(openAi, "vllm", null, "HOSTED_VLLM_API_KEY");
        table.openAiCompatible(openAi, "azure_ai", null, "AZURE_AI_API_KEY");
        table.openAiCompatible(openAi, "databricks", null, "DATABRICKS_API_KEY");
        table.openAiCompatible(openAi, "mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY");
        table.openAiCompatible(openAi, "groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY");
        table.openAiCompatible(openAi, "deepseek", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY");
        table.openAiCompatible(openAi, "together_ai", "https://api.together.xyz/v1", "TOGETHERAI_API_KEY");
        table.openAiCompatible(openAi, "fireworks_ai", "https://api.fireworks.ai/inference/v1", "FIREWORKS_AI_API_KEY");
        table.openAiCompatible(openAi, "openrouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY");
        table.openAiCompatible(openAi, "xai", "https://api.x.ai/v1", "XAI_API_KEY");
        table.openAiCompatible(openAi, "perplexity", "https://api.perplexity.ai", "PERPLEXITYAI_API_KEY");
        table.openAiCompatible(openAi, "cerebras", "https://api.cerebras.ai/v1", "CEREBRAS_API_KEY");
        table.openAiCompatible(openAi, "nvidia_nim", "https://integrate.api.nvidia.com/v1", "NVIDIA_NIM_API_KEY");
        table.openAiCompatible(openAi, "sambanova", "https://api.sambanova.ai/v1", "SAMBANOVA_API_KEY");
        table.openAiCompatible(openAi, "nebius", "https://api.studio.nebius.ai/v1", "NEBIUS_API_KEY");
        table.openAiCompatible(openAi, "deepinfra", "https://api.deepinfra.com/v1/openai", "DEEPINFRA_API_KEY");
        table.openAiCompatible(openAi, "github", "https://models.inference.ai.azure.com", "GITHUB_API_KEY");
        table.openAiCompatible(openAi, "ollama", "http://localhost:11434/v1", null);
        table.openAiCompatible(openAi, "ollama_chat", "http://localhost:11434/v1", null);
        table.openAiCompatible(openAi, "lm_studio", "http://localhost:1234/v1", "LM_STUDIO_API_KEY");
        table.openAiCompatible(openAi, "llamafile", "http://localhost:8080/v1", null);
        table.add(new Provider(GeminiAdapter.PROVIDER, Optional.of("https://generativelanguage.googleapis.com"),
                Optional.of("GEMINI_API_KEY"), new GeminiAdapter()));
        // the host depends on vertex_location: the adapter builds it unless api_base overrides it
        table.add(new Provider(VertexAdapter.PROVIDER, Optional.of("https://aiplatform.googleapis.com"), Optional.empty(),
                new VertexAdapter(System::getenv)));
        return table;
    }

    private void openAiCompatible(ProviderAdapter adapter, String prefix, String defaultApiBase, String apiKeyEnv) {
        byPrefix.put(prefix, new Provider(prefix, Optional.ofNullable(defaultApiBase), Optional.ofNullable(apiKeyEnv), adapter));
    }

    private void add(Provider provider) {
        byPrefix.put(provider.name(), provider);
    }

    public Optional<Provider> byPrefix(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }
}
