package io.llmgate.core.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProviderTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "openai         | https://api.openai.com/v1/chat/completions                              | OPENAI_API_KEY",
            "groq           | https://api.groq.com/openai/v1/chat/completions                         | GROQ_API_KEY",
            "deepseek       | https://api.deepseek.com/beta/chat/completions                          | DEEPSEEK_API_KEY",
            "together_ai    | https://api.together.xyz/v1/chat/completions                            | TOGETHERAI_API_KEY",
            "fireworks_ai   | https://api.fireworks.ai/inference/v1/chat/completions                  | FIREWORKS_AI_API_KEY",
            "perplexity     | https://api.perplexity.ai/chat/completions                              | PERPLEXITYAI_API_KEY",
            "deepinfra      | https://api.deepinfra.com/v1/openai/chat/completions                    | DEEPINFRA_API_KEY",
            "mistral        | https://api.mistral.ai/v1/chat/completions                              | MISTRAL_API_KEY",
            "ollama         | http://localhost:11434/v1/chat/completions                              | OLLAMA_API_KEY",
            "ollama_chat    | http://localhost:11434/v1/chat/completions                              | OLLAMA_API_KEY",
            "hyperbolic     | https://api.hyperbolic.xyz/v1/chat/completions                          | HYPERBOLIC_API_KEY",
            "novita         | https://api.novita.ai/v3/openai/chat/completions                        | NOVITA_API_KEY",
            "moonshot       | https://api.moonshot.ai/v1/chat/completions                             | MOONSHOT_API_KEY",
            "dashscope      | https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions | DASHSCOPE_API_KEY",
            "volcengine     | https://ark.cn-beijing.volces.com/api/v3/chat/completions               | VOLCENGINE_API_KEY",
            "friendliai     | https://api.friendli.ai/serverless/v1/chat/completions                  | FRIENDLI_TOKEN",
            "featherless_ai | https://api.featherless.ai/v1/chat/completions                          | FEATHERLESS_AI_API_KEY",
            "nscale         | https://inference.api.nscale.com/v1/chat/completions                    | NSCALE_API_KEY",
            "anyscale       | https://api.endpoints.anyscale.com/v1/chat/completions                  | ANYSCALE_API_KEY",
            "lambda_ai      | https://api.lambda.ai/v1/chat/completions                               | LAMBDA_API_KEY",
            "galadriel      | https://api.galadriel.com/v1/chat/completions                           | GALADRIEL_API_KEY",
            "github         | https://models.inference.ai.azure.com/chat/completions                  | GITHUB_API_KEY",
            "sambanova      | https://api.sambanova.ai/v1/chat/completions                            | SAMBANOVA_API_KEY",
            "nebius         | https://api.studio.nebius.ai/v1/chat/completions                        | NEBIUS_API_KEY",
            "lm_studio      | http://localhost:1234/v1/chat/completions                               | LM_STUDIO_API_KEY",
            "llamafile      | http://127.0.0.1:8080/v1/chat/completions                               | LLAMAFILE_API_KEY",
            "cohere         | https://api.cohere.com/v2/chat                                          | COHERE_API_KEY",
    })
    void should_reach_each_provider_at_its_default_base_with_the_key_from_its_environment_variable(
            String prefix, String expectedUri, String keyVariable) {
        // given
        Deployment deployment = ConfigFiles.catalog("""
                model_list:
                  - model_name: m
                    litellm_params: { model: %s/some-model }
                """.formatted(prefix), Map.of(keyVariable, "key-from-env")).group("m").orElseThrow().deployments().get(0);

        // when
        UpstreamRequest upstream = deployment.provider().adapter().toUpstream(chat(""), deployment);

        // then
        assertThat(upstream.uri()).hasToString(expectedUri);
        assertThat(upstream.headers()).contains(Map.entry("Authorization", "Bearer key-from-env"));
    }

    @Test
    void should_read_the_base_url_from_the_providers_environment_variable() {
        // given
        Deployment deployment = ConfigFiles.catalog("""
                model_list:
                  - model_name: m
                    litellm_params: { model: ollama/llama3 }
                """, Map.of("OLLAMA_API_BASE", "http://gpu-box:11434")).group("m").orElseThrow().deployments().get(0);

        // when
        UpstreamRequest upstream = deployment.provider().adapter().toUpstream(chat(""), deployment);

        // then
        assertThat(upstream.uri()).hasToString("http://gpu-box:11434/v1/chat/completions");
    }

    @Test
    void should_not_add_v1_twice_when_the_ollama_base_already_has_it() {
        // given
        Deployment deployment = deployment("ollama/llama3", "api_base: \"http://gpu-box:11434/v1\"");

        // when
        UpstreamRequest upstream = deployment.provider().adapter().toUpstream(chat(""), deployment);

        // then
        assertThat(upstream.uri()).hasToString("http://gpu-box:11434/v1/chat/completions");
    }

    @Test
    void should_send_mistral_its_own_names_and_leave_out_stream_options() throws IOException {
        // given
        Deployment deployment = deployment("mistral/mistral-large-latest", "api_key: k");

        // when
        UpstreamRequest upstream = deployment.provider().adapter().toUpstream(chat(
                ",\"max_completion_tokens\":64,\"seed\":9,\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
                deployment);

        // then
        JsonNode body = Json.mapper().readTree(upstream.body());
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("random_seed").asInt()).isEqualTo(9);
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void should_refuse_parameters_groq_rejects_unless_dropped() {
        // given
        Deployment deployment = deployment("groq/llama-3.3-70b-versatile", "api_key: k");
        InferenceRequest request = chat(",\"logprobs\":true,\"top_logprobs\":2");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> DropParams.apply(request, deployment, false));
        InferenceRequest dropped = DropParams.apply(request, deployment, true);

        // then
        assertThat(error.getMessage()).startsWith("groq does not support parameters: ['logprobs', 'top_logprobs']");
        assertThat(dropped.body().has("logprobs")).isFalse();
    }

    @Test
    void should_rename_max_completion_tokens_for_cerebras() throws IOException {
        // given
        Deployment deployment = deployment("cerebras/llama3.1-8b", "api_key: k");

        // when
        UpstreamRequest upstream = deployment.provider().adapter().toUpstream(chat(",\"max_completion_tokens\":32"), deployment);

        // then
        assertThat(Json.mapper().readTree(upstream.body()).path("max_tokens").asInt()).isEqualTo(32);
    }

    private static Deployment deployment(String model, String params) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: %s, %s }
                """.formatted(model, params));
    }

    private static InferenceRequest chat(String fields) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"m\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + fields + "}").getBytes(StandardCharsets.UTF_8));
    }
}
