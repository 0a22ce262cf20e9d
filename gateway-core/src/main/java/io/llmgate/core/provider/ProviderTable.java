package io.llmgate.core.provider;

import io.llmgate.core.provider.azure.AzureOpenAiAdapter;
import io.llmgate.core.provider.bedrock.BedrockAdapter;
import io.llmgate.core.provider.anthropic.AnthropicAdapter;
import io.llmgate.core.provider.cohere.CohereAdapter;
import io.llmgate.core.provider.gemini.GeminiAdapter;
import io.llmgate.core.provider.vertex.VertexAdapter;
import io.llmgate.core.provider.openai.OpenAiCompatibleAdapter;
import io.llmgate.core.provider.openai.OpenAiQuirks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The providers the gateway knows, by {@code litellm_params.model} prefix. The OpenAI-compatible
 * family is rows of this table sharing one adapter class, not a class per name: each row names the default base
 * URL, the environment variables LiteLLM reads for the base and the key, and the server's {@link OpenAiQuirks}.
 */
public final class ProviderTable {
    /** The provider assumed when a model has no known prefix but the deployment names its own api_base. */
    public static final String OPENAI_LIKE = "openai_like";

    /** Mistral's API takes none of OpenAI's sampling extras, names the seed {@code random_seed}, and lives under /v1. */
    private static final OpenAiQuirks MISTRAL = OpenAiQuirks.none()
            .supporting("temperature", "top_p", "max_tokens", "max_completion_tokens", "tools", "tool_choice", "seed",
                    "stop", "response_format", "parallel_tool_calls", "presence_penalty", "frequency_penalty", "n")
            .removing("stream_options")
            .renaming("max_completion_tokens", "max_tokens")
            .renaming("seed", "random_seed")
            .under("/v1");
    /** Groq answers 400 to these (its OpenAI-compatibility notes). */
    private static final OpenAiQuirks GROQ = OpenAiQuirks.none().rejecting("logprobs", "top_logprobs", "logit_bias");
    private static final OpenAiQuirks PERPLEXITY = OpenAiQuirks.none()
            .supporting("frequency_penalty", "max_tokens", "max_completion_tokens", "presence_penalty", "response_format",
                    "temperature", "top_p", "reasoning_effort", "web_search_options")
            .removing("stream_options");
    private static final OpenAiQuirks CEREBRAS = OpenAiQuirks.none()
            .supporting("max_tokens", "max_completion_tokens", "response_format", "seed", "stop", "temperature", "top_p",
                    "tool_choice", "tools", "user", "reasoning_effort", "stream_options", "parallel_tool_calls")
            .renaming("max_completion_tokens", "max_tokens");
    private static final OpenAiQuirks DEEPINFRA = OpenAiQuirks.none()
            .supporting("frequency_penalty", "function_call", "functions", "logit_bias", "max_tokens",
                    "max_completion_tokens", "n", "presence_penalty", "stop", "temperature", "top_p", "response_format",
                    "tools", "tool_choice", "stream_options", "seed")
            .renaming("max_completion_tokens", "max_tokens");
    /** LiteLLM's ollama api_base is the server root; the OpenAI-compatible API is below /v1. */
    private static final OpenAiQuirks OLLAMA = OpenAiQuirks.none().under("/v1");

    private final Map<String, Provider> byPrefix = new HashMap<>();
    private final ProviderAdapter openAi = new OpenAiCompatibleAdapter();

    private ProviderTable() {
    }

    /** The standard table, reading provider settings such as {@code AZURE_API_VERSION} from the process environment. */
    public static ProviderTable standard() {
        return standard(System::getenv);
    }

    public static ProviderTable standard(Function<String, String> environment) {
        ProviderTable table = new ProviderTable();
        table.openAiFamily();
        table.add(new Provider("azure", Optional.empty(), List.of("AZURE_API_BASE", "AZURE_OPENAI_ENDPOINT"),
                List.of("AZURE_API_KEY", "AZURE_OPENAI_API_KEY"), new AzureOpenAiAdapter(environment)));
        ProviderAdapter cohere = new CohereAdapter();
        for (String prefix : List.of("cohere", "cohere_chat")) {
            table.add(new Provider(prefix, Optional.of("https://api.cohere.com"), List.of("COHERE_API_BASE"),
                    List.of("COHERE_API_KEY", "CO_API_KEY"), cohere));
        }
        // no fixed base: the adapter derives https://bedrock-runtime.<region>.amazonaws.com from the settings
        table.add(new Provider(BedrockAdapter.PROVIDER, Optional.empty(), Optional.of("AWS_BEARER_TOKEN_BEDROCK"),
                new BedrockAdapter()));
        table.add(new Provider(AnthropicAdapter.PROVIDER, Optional.of("https://api.anthropic.com"),
                Optional.of("ANTHROPIC_API_KEY"), new AnthropicAdapter()));
        table.add(new Provider(GeminiAdapter.PROVIDER, Optional.of("https://generativelanguage.googleapis.com"),
                Optional.of("GEMINI_API_KEY"), new GeminiAdapter()));
        // the host depends on vertex_location: the adapter builds it unless api_base overrides it
        table.add(new Provider(VertexAdapter.PROVIDER, Optional.of("https://aiplatform.googleapis.com"), Optional.empty(),
                new VertexAdapter(environment)));
        return table;
    }

    /** Default bases and variable names as LiteLLM's provider pages and get_llm_provider document them. */
    private void openAiFamily() {
        compatible("openai", "https://api.openai.com/v1", List.of("OPENAI_BASE_URL", "OPENAI_API_BASE"), List.of("OPENAI_API_KEY"));
        compatible("text-completion-openai", "https://api.openai.com/v1", List.of("OPENAI_BASE_URL", "OPENAI_API_BASE"),
                List.of("OPENAI_API_KEY"));
        compatible(OPENAI_LIKE, null, List.of(), List.of());
        compatible("custom_openai", null, List.of(), List.of());
        compatible("litellm_proxy", null, List.of("LITELLM_PROXY_API_BASE"), List.of("LITELLM_PROXY_API_KEY"));
        compatible("hosted_vllm", null, List.of("HOSTED_VLLM_API_BASE"), List.of("HOSTED_VLLM_API_KEY"));
        compatible("vllm", null, List.of("HOSTED_VLLM_API_BASE"), List.of("HOSTED_VLLM_API_KEY"));
        compatible("azure_ai", null, List.of("AZURE_AI_API_BASE"), List.of("AZURE_AI_API_KEY"));
        compatible("databricks", null, List.of("DATABRICKS_API_BASE"), List.of("DATABRICKS_API_KEY"));
        compatible("mistral", "https://api.mistral.ai/v1", List.of(), List.of("MISTRAL_API_KEY"), MISTRAL);
        compatible("codestral", "https://codestral.mistral.ai/v1", List.of("CODESTRAL_API_BASE"), List.of("CODESTRAL_API_KEY"),
                MISTRAL);
        compatible("groq", "https://api.groq.com/openai/v1", List.of("GROQ_API_BASE"), List.of("GROQ_API_KEY"), GROQ);
        compatible("deepseek", "https://api.deepseek.com/beta", List.of("DEEPSEEK_API_BASE"), List.of("DEEPSEEK_API_KEY"));
        compatible("together_ai", "https://api.together.xyz/v1", List.of("TOGETHER_AI_API_BASE"),
                List.of("TOGETHER_API_KEY", "TOGETHER_AI_API_KEY", "TOGETHERAI_API_KEY", "TOGETHER_AI_TOKEN"));
        compatible("fireworks_ai", "https://api.fireworks.ai/inference/v1", List.of("FIREWORKS_API_BASE"),
                List.of("FIREWORKS_API_KEY", "FIREWORKS_AI_API_KEY", "FIREWORKSAI_API_KEY", "FIREWORKS_AI_TOKEN"));
        compatible("openrouter", "https://openrouter.ai/api/v1", List.of("OPENROUTER_API_BASE"),
                List.of("OPENROUTER_API_KEY", "OR_API_KEY"));
        compatible("xai", "https://api.x.ai/v1", List.of("XAI_API_BASE"), List.of("XAI_API_KEY"));
        compatible("perplexity", "https://api.perplexity.ai", List.of("PERPLEXITY_API_BASE"),
                List.of("PERPLEXITYAI_API_KEY", "PERPLEXITY_API_KEY"), PERPLEXITY);
        compatible("cerebras", "https://api.cerebras.ai/v1", List.of("CEREBRAS_API_BASE"), List.of("CEREBRAS_API_KEY"), CEREBRAS);
        compatible("nvidia_nim", "https://integrate.api.nvidia.com/v1", List.of("NVIDIA_NIM_API_BASE"),
                List.of("NVIDIA_NIM_API_KEY"));
        compatible("sambanova", "https://api.sambanova.ai/v1", List.of("SAMBANOVA_API_BASE"), List.of("SAMBANOVA_API_KEY"));
        compatible("nebius", "https://api.studio.nebius.ai/v1", List.of("NEBIUS_API_BASE"), List.of("NEBIUS_API_KEY"));
        compatible("deepinfra", "https://api.deepinfra.com/v1/openai", List.of("DEEPINFRA_API_BASE"),
                List.of("DEEPINFRA_API_KEY"), DEEPINFRA);
        compatible("github", "https://models.inference.ai.azure.com", List.of("GITHUB_API_BASE"), List.of("GITHUB_API_KEY"));
        compatible("ollama", "http://localhost:11434", List.of("OLLAMA_API_BASE"), List.of("OLLAMA_API_KEY"), OLLAMA);
        compatible("ollama_chat", "http://localhost:11434", List.of("OLLAMA_API_BASE"), List.of("OLLAMA_API_KEY"), OLLAMA);
        compatible("lm_studio", "http://localhost:1234/v1", List.of("LM_STUDIO_API_BASE"), List.of("LM_STUDIO_API_KEY"));
        compatible("llamafile", "http://127.0.0.1:8080/v1", List.of("LLAMAFILE_API_BASE"), List.of("LLAMAFILE_API_KEY"));
        compatible("hyperbolic", "https://api.hyperbolic.xyz/v1", List.of("HYPERBOLIC_API_BASE"), List.of("HYPERBOLIC_API_KEY"));
        compatible("novita", "https://api.novita.ai/v3/openai", List.of("NOVITA_API_BASE"), List.of("NOVITA_API_KEY"));
        compatible("moonshot", "https://api.moonshot.ai/v1", List.of("MOONSHOT_API_BASE"), List.of("MOONSHOT_API_KEY"));
        compatible("dashscope", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", List.of("DASHSCOPE_API_BASE"),
                List.of("DASHSCOPE_API_KEY"));
        compatible("volcengine", "https://ark.cn-beijing.volces.com/api/v3", List.of("VOLCENGINE_API_BASE"),
                List.of("VOLCENGINE_API_KEY", "ARK_API_KEY"));
        compatible("friendliai", "https://api.friendli.ai/serverless/v1", List.of("FRIENDLI_API_BASE"),
                List.of("FRIENDLIAI_API_KEY", "FRIENDLI_TOKEN"));
        compatible("featherless_ai", "https://api.featherless.ai/v1", List.of("FEATHERLESS_API_BASE"),
                List.of("FEATHERLESS_AI_API_KEY"));
        compatible("nscale", "https://inference.api.nscale.com/v1", List.of("NSCALE_API_BASE"), List.of("NSCALE_API_KEY"));
        compatible("anyscale", "https://api.endpoints.anyscale.com/v1", List.of("ANYSCALE_API_BASE"), List.of("ANYSCALE_API_KEY"));
        compatible("lambda_ai", "https://api.lambda.ai/v1", List.of("LAMBDA_API_BASE"), List.of("LAMBDA_API_KEY"));
        compatible("galadriel", "https://api.galadriel.com/v1", List.of("GALADRIEL_API_BASE"), List.of("GALADRIEL_API_KEY"));
        compatible("meta_llama", "https://api.llama.com/compat/v1", List.of("LLAMA_API_BASE"), List.of("LLAMA_API_KEY"));
    }

    private void compatible(String prefix, String defaultApiBase, List<String> baseEnvs, List<String> keyEnvs) {
        add(new Provider(prefix, Optional.ofNullable(defaultApiBase), baseEnvs, keyEnvs, openAi));
    }

    private void compatible(String prefix, String defaultApiBase, List<String> baseEnvs, List<String> keyEnvs,
                            OpenAiQuirks quirks) {
        add(new Provider(prefix, Optional.ofNullable(defaultApiBase), baseEnvs, keyEnvs, new OpenAiCompatibleAdapter(quirks)));
    }

    private void add(Provider provider) {
        byPrefix.put(provider.name(), provider);
    }

    public Optional<Provider> byPrefix(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }
}
