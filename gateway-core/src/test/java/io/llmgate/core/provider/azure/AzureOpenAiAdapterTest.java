package io.llmgate.core.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
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

class AzureOpenAiAdapterTest {
    private final AzureOpenAiAdapter adapter = new AzureOpenAiAdapter(Map.of("AZURE_API_VERSION", "2025-01-01-preview")::get);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CHAT_COMPLETIONS | https://res.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21",
            "EMBEDDINGS       | https://res.openai.azure.com/openai/deployments/gpt4o-prod/embeddings?api-version=2024-10-21",
            "COMPLETIONS      | https://res.openai.azure.com/openai/deployments/gpt4o-prod/completions?api-version=2024-10-21"})
    void should_post_to_the_deployments_url_with_the_api_version(InferenceEndpoint endpoint, String expected) {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com/\", api_key: k, api_version: \"2024-10-21\"");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(endpoint), deployment);

        // then
        assertThat(upstream.uri()).hasToString(expected);
    }

    @Test
    void should_take_the_api_version_from_the_environment_then_the_default() {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com\", api_key: k");

        // when
        UpstreamRequest fromEnv = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);
        UpstreamRequest fromDefault = new AzureOpenAiAdapter(name -> null)
                .toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(fromEnv.uri().getQuery()).isEqualTo("api-version=2025-01-01-preview");
        assertThat(fromDefault.uri().getQuery()).isEqualTo("api-version=" + AzureOpenAiAdapter.DEFAULT_API_VERSION);
    }

    @Test
    void should_keep_a_query_the_api_base_carries_and_not_repeat_its_api_version() {
        // given
        Deployment withGateway = azure("api_base: \"https://apim.example.com/aoai?subscription=s1\", api_key: k");
        Deployment withVersion = azure("api_base: \"https://apim.example.com/aoai?api-version=2024-06-01\", api_key: k");

        // when
        UpstreamRequest gateway = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), withGateway);
        UpstreamRequest versioned = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), withVersion);

        // then
        assertThat(gateway.uri()).hasToString("https://apim.example.com/aoai/openai/deployments/gpt4o-prod/chat/completions"
                + "?subscription=s1&api-version=2025-01-01-preview");
        assertThat(versioned.uri()).hasToString("https://apim.example.com/aoai/openai/deployments/gpt4o-prod/chat/completions"
                + "?api-version=2024-06-01");
    }

    @Test
    void should_use_the_versionless_v1_api_when_asked() {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com\", api_key: k, api_version: v1");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(upstream.uri()).hasToString("https://res.openai.azure.com/openai/v1/chat/completions");
    }

    @Test
    void should_send_the_key_as_api_key_header_and_the_openai_body() throws IOException {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com\", api_key: azure-key-1, temperature: 0.1,"
                + " extra_headers: { X-Tenant: blue }");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(upstream.headers()).contains(Map.entry("api-key", "azure-key-1"), Map.entry("X-Tenant", "blue"),
                Map.entry("Accept", "application/json"));
        assertThat(upstream.headers()).extracting(Map.Entry::getKey).doesNotContain("Authorization");
        JsonNode body = Json.mapper().readTree(upstream.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt4o-prod");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(body.has("metadata")).isFalse();
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("hi");
    }

    @Test
    void should_send_a_static_azure_ad_token_as_bearer() {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com\", azure_ad_token: eyJ0eXAi.static");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(upstream.headers()).contains(Map.entry("Authorization", "Bearer eyJ0eXAi.static"));
        assertThat(upstream.headers()).extracting(Map.Entry::getKey).doesNotContain("api-key");
    }

    @Test
    void should_prefer_the_deployments_own_key_over_an_ad_token() {
        // given
        Deployment deployment = azure("api_base: \"https://res.openai.azure.com\", api_key: own, azure_ad_token: t");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(upstream.headers()).contains(Map.entry("api-key", "own"));
        assertThat(upstream.headers()).extracting(Map.Entry::getKey).doesNotContain("Authorization");
    }

    @Test
    void should_read_base_and_key_from_the_azure_environment_variables() {
        // given
        Deployment deployment = ConfigFiles.catalog("""
                model_list:
                  - model_name: m
                    litellm_params: { model: azure/gpt4o-prod }
                """, Map.of("AZURE_API_BASE", "https://env.openai.azure.com", "AZURE_API_KEY", "env-key"))
                .group("m").orElseThrow().deployments().get(0);

        // when
        UpstreamRequest upstream = adapter.toUpstream(request(InferenceEndpoint.CHAT_COMPLETIONS), deployment);

        // then
        assertThat(upstream.uri().getHost()).isEqualTo("env.openai.azure.com");
        assertThat(upstream.headers()).contains(Map.entry("api-key", "env-key"));
    }

    private static Deployment azure(String params) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: azure/gpt4o-prod, %s }
                """.formatted(params));
    }

    private static InferenceRequest request(InferenceEndpoint endpoint) {
        String payload = switch (endpoint) {
            case CHAT_COMPLETIONS -> "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"metadata\":{\"a\":1}";
            case COMPLETIONS -> "\"prompt\":\"hi\"";
            case EMBEDDINGS -> "\"input\":\"hi\"";
            case MESSAGES -> throw new IllegalArgumentException("not an Azure route");
        };
        return RequestDecoder.decode(endpoint, ("{\"model\":\"m\"," + payload + "}").getBytes(StandardCharsets.UTF_8));
    }
}
