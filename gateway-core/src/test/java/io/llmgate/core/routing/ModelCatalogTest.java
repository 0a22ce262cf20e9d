package io.llmgate.core.routing;

import io.llmgate.core.config.ConfigException;
import io.llmgate.core.config.DeploymentConfig;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.config.ModelEntries;
import io.llmgate.core.config.Secret;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelCatalogTest {
    @Test
    void should_resolve_the_openai_prefix_to_openai_with_its_default_base_url() {
        // when
        Deployment deployment = deployment("model: openai/gpt-4o");

        // then
        assertThat(deployment.provider().name()).isEqualTo("openai");
        assertThat(deployment.upstreamModel()).isEqualTo("gpt-4o");
        assertThat(deployment.apiBase()).hasToString("https://api.openai.com/v1");
    }

    @Test
    void should_keep_the_slashes_after_the_provider_prefix_in_the_upstream_model() {
        // when
        Deployment deployment = deployment("model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct, api_base: \"http://vllm:8000/v1\"");

        // then
        assertThat(deployment.provider().name()).isEqualTo("hosted_vllm");
        assertThat(deployment.upstreamModel()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(deployment.apiBase()).hasToString("http://vllm:8000/v1");
    }

    @Test
    void should_treat_a_model_without_prefix_but_with_an_api_base_as_openai_like() {
        // when
        Deployment deployment = deployment("model: my-local-model, api_base: \"http://localhost:9000/v1\"");

        // then
        assertThat(deployment.provider().name()).isEqualTo("openai_like");
        assertThat(deployment.upstreamModel()).isEqualTo("my-local-model");
    }

    @Test
    void should_send_a_model_with_an_unknown_prefix_as_written_when_an_api_base_is_given() {
        // when
        Deployment deployment = deployment("model: Qwen/Qwen2.5-7B, api_base: \"http://localhost:9000/v1\"");

        // then
        assertThat(deployment.provider().name()).isEqualTo("openai_like");
        assertThat(deployment.upstreamModel()).isEqualTo("Qwen/Qwen2.5-7B");
    }

    @Test
    void should_treat_a_model_without_prefix_or_api_base_as_openai() {
        // when
        Deployment deployment = deployment("model: gpt-4o-mini");

        // then
        assertThat(deployment.provider().name()).isEqualTo("openai");
        assertThat(deployment.upstreamModel()).isEqualTo("gpt-4o-mini");
        assertThat(deployment.apiBase()).hasToString("https://api.openai.com/v1");
    }

    @Test
    void should_reject_an_unknown_prefix_without_api_base_naming_entry_and_field() {
        // when
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> deployment("model: acme/some-model"));

        // then
        assertThat(error.getMessage())
                .contains("model_list[0] (model_name \"m\")")
                .contains("litellm_params.model has unknown provider \"acme\"")
                .contains("api_base");
    }

    @Test
    void should_require_an_api_base_for_hosted_vllm() {
        // when
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> deployment("model: hosted_vllm/llama"));

        // then
        assertThat(error.getMessage())
                .contains("model_list[0] (model_name \"m\")")
                .endsWith("litellm_params.api_base is required for provider hosted_vllm (or env HOSTED_VLLM_API_BASE)");
    }

    @Test
    void should_reject_a_prefix_without_a_model_name() {
        // when
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> deployment("model: openai/"));

        // then
        assertThat(error).hasMessageContaining("litellm_params.model names no model after the provider prefix");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "groq/llama-3.1-8b-instant, https://api.groq.com/openai/v1",
            "mistral/mistral-small, https://api.mistral.ai/v1",
            "deepseek/deepseek-chat, https://api.deepseek.com/beta",
            "openrouter/meta/llama, https://openrouter.ai/api/v1",
            "ollama/llama3, http://localhost:11434",
            "text-completion-openai/gpt-3.5-turbo-instruct, https://api.openai.com/v1"})
    void should_use_the_providers_default_base_url(String model, String expectedBase) {
        // when
        Deployment deployment = deployment("model: " + model);

        // then
        assertThat(deployment.apiBase()).hasToString(expectedBase);
        assertThat(deployment.provider().name()).isEqualTo(model.substring(0, model.indexOf('/')));
    }

    @Test
    void should_take_the_api_key_from_the_providers_environment_variable_when_the_deployment_sets_none() {
        // given
        Map<String, String> environment = Map.of("OPENAI_API_KEY", "sk-openai-env", "GROQ_API_KEY", "gsk-env");

        // when
        ModelCatalog catalog = ConfigFiles.catalog("""
                model_list:
                  - model_name: a
                    litellm_params: { model: openai/gpt-4o }
                  - model_name: b
                    litellm_params: { model: groq/llama }
                  - model_name: c
                    litellm_params: { model: openai/gpt-4o, api_key: sk-explicit }
                  - model_name: d
                    litellm_params: { model: ollama/llama3 }
                """, environment);

        // then
        assertThat(key(catalog, "a")).isEqualTo("sk-openai-env");
        assertThat(key(catalog, "b")).isEqualTo("gsk-env");
        assertThat(key(catalog, "c")).isEqualTo("sk-explicit");
        assertThat(catalog.group("d").orElseThrow().deployments().get(0).apiKey()).isEmpty();
    }

    @Test
    void should_ignore_a_blank_provider_key_variable() {
        // when
        ModelCatalog catalog = ConfigFiles.catalog("""
                model_list:
                  - model_name: a
                    litellm_params: { model: openai/gpt-4o }
                """, Map.of("OPENAI_API_KEY", "  "));

        // then
        assertThat(catalog.group("a").orElseThrow().deployments().get(0).apiKey()).isEmpty();
    }

    @Test
    void should_trim_a_trailing_slash_from_the_api_base() {
        // when
        Deployment deployment = deployment("model: openai/gpt-4o, api_base: \"http://127.0.0.1:8000/v1/\"");

        // then
        assertThat(deployment.apiBase()).hasToString("http://127.0.0.1:8000/v1");
    }

    @ParameterizedTest
    @CsvSource({"not a url", "ftp://files.example.com/v1", "localhost:8000/v1", "/v1", "http:///v1"})
    void should_reject_an_api_base_that_is_not_an_absolute_http_url(String base) {
        // when
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> deployment("model: openai/gpt-4o, api_base: \"" + base + "\""));

        // then
        assertThat(error).hasMessageEndingWith("litellm_params.api_base is not an absolute http(s) URL")
                .hasMessageContaining("model_list[0] (model_name \"m\")");
    }

    @Test
    void should_default_the_timeout_to_ten_minutes_and_the_stream_timeout_to_the_timeout() {
        // when
        Deployment unset = deployment("model: openai/gpt-4o");
        Deployment timeoutOnly = deployment("model: openai/gpt-4o, timeout: 30");
        Deployment both = deployment("model: openai/gpt-4o, timeout: 30, stream_timeout: 5");

        // then
        assertThat(unset.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(unset.streamTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(timeoutOnly.streamTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(both.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(both.streamTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void should_weigh_by_weight_else_rpm_else_tpm_else_one() {
        // then
        assertThat(deployment("model: openai/a, weight: 2.5, rpm: 100, tpm: 1000").weight()).isEqualTo(2.5);
        assertThat(deployment("model: openai/a, rpm: 100, tpm: 1000").weight()).isEqualTo(100);
        assertThat(deployment("model: openai/a, tpm: 1000").weight()).isEqualTo(1000);
        assertThat(deployment("model: openai/a").weight()).isEqualTo(1);
    }

    @Test
    void should_group_deployments_by_model_name_in_config_order() {
        // when
        ModelCatalog catalog = ConfigFiles.catalog("""
                model_list:
                  - model_name: chat
                    litellm_params: { model: groq/llama }
                    model_info: { id: first }
                  - model_name: embed
                    litellm_params: { model: openai/text-embedding-3-small }
                  - model_name: chat
                    litellm_params: { model: openai/gpt-4o }
                    model_info: { id: second }
                """);

        // then
        assertThat(catalog.groups()).extracting(ModelGroup::name).containsExactly("chat", "embed");
        ModelGroup chat = catalog.group("chat").orElseThrow();
        assertThat(chat.deployments()).extracting(Deployment::id).containsExactly("first", "second");
        assertThat(chat.deployments()).extracting(Deployment::modelGroup).containsOnly("chat");
        assertThat(chat.ownedBy()).isEqualTo("groq");
        assertThat(catalog.group("missing")).isEmpty();
    }

    @Test
    void should_label_the_endpoint_with_scheme_host_and_port_only() {
        // when
        Deployment withPort = deployment("model: openai/a, api_base: \"http://127.0.0.1:8000/v1/secret-path?x=1\"");
        Deployment withoutPort = deployment("model: openai/a");

        // then
        assertThat(withPort.endpointLabel()).isEqualTo("http://127.0.0.1:8000");
        assertThat(withoutPort.endpointLabel()).isEqualTo("https://api.openai.com");
    }

    private static Deployment deployment(String params) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { %s }
                """.formatted(params));
    }

    private static String key(ModelCatalog catalog, String group) {
        return catalog.group(group).orElseThrow().deployments().get(0).apiKey().map(Secret::reveal).orElseThrow();
    }

    @Test
    void should_merge_stored_deployments_into_the_groups_of_the_config_file() {
        // given
        GatewayConfig config = ConfigFiles.load("""
                model_list:
                  - model_name: shared
                    litellm_params: { model: openai/from-file }
                """);
        DeploymentConfig stored = ModelEntries.bind("model db-1",
                Json.mapper().createObjectNode().put("model_name", "shared")
                        .set("litellm_params", Json.mapper().createObjectNode()
                                .put("model", "openai/from-db").put("api_key", "os.environ/DB_KEY")),
                name -> "DB_KEY".equals(name) ? "sk-from-env" : null);

        // when
        ModelCatalog catalog = ModelCatalog.from(config, List.of(stored),
                ProviderTable.standard(), name -> null);

        // then
        assertThat(catalog.group("shared").orElseThrow().deployments()).extracting(Deployment::upstreamModel)
                .containsExactly("from-file", "from-db");
        assertThat(catalog.group("shared").orElseThrow().deployments().get(1).apiKey().orElseThrow().reveal())
                .isEqualTo("sk-from-env");
    }
}
