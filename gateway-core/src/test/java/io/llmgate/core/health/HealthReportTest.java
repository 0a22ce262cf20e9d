package io.llmgate.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HealthReportTest {
    private static final Instant CHECKED = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> SECRETS = List.of("sk-openai-secret-1", "AKIA-ACCESS-2", "aws-secret-3",
            "session-token-4", "client-secret-5", "ad-token-6", "header-secret-7", "nested-secret-8", "url-user-9",
            "url-pass-10", "url-query-11", "/path/to/vertex-credentials.json", "sk-env-secret-12");

    private final ModelCatalog catalog = ConfigFiles.catalog("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
                  api_base: "https://url-user-9:url-pass-10@llm.example.com/v1?key=url-query-11"
                  api_key: os.environ/OPENAI_KEY
                  timeout: 30
                  rpm: 100
                  max_tokens: 256
                  extra_headers: { X-Custom-Auth: header-secret-7 }
                  extra_body: { tier: gold, api_key: nested-secret-8 }
                model_info: { id: gpt-4o-primary }
              - model_name: claude
                litellm_params:
                  model: bedrock/anthropic.claude-3-haiku
                  aws_access_key_id: AKIA-ACCESS-2
                  aws_secret_access_key: aws-secret-3
                  aws_session_token: session-token-4
                  aws_region_name: eu-west-1
                model_info: { id: claude-bedrock }
              - model_name: azure
                litellm_params:
                  model: azure/gpt-4o-deployment
                  api_base: https://example.openai.azure.com
                  api_version: "2024-10-21"
                  tenant_id: tenant-a
                  client_id: client-b
                  client_secret: client-secret-5
                  azure_ad_token: ad-token-6
                model_info: { id: azure-entra }
              - model_name: vertex
                litellm_params:
                  model: vertex_ai/gemini-2.5-flash
                  vertex_project: project-x
                  vertex_location: us-central1
                  vertex_credentials: /path/to/vertex-credentials.json
                model_info: { id: vertex-gemini }
            """, Map.of("OPENAI_KEY", "sk-env-secret-12"));

    @Test
    void should_list_healthy_and_unhealthy_endpoints_with_counts_in_litellms_shape() {
        // given
        HealthReport report = new HealthReport(List.of(
                EndpointHealth.healthy(deployment("gpt-4o")),
                EndpointHealth.unhealthy(deployment("claude"), "Could not connect to bedrock at https://host (connection refused)"),
                EndpointHealth.healthy(deployment("azure")),
                EndpointHealth.notCheckable(deployment("vertex"), "model_info.mode \"rerank\" has no health check")), CHECKED);

        // when
        ObjectNode json = report.toJson();

        // then
        assertThat(json.path("healthy_count").asInt()).isEqualTo(2);
        assertThat(json.path("unhealthy_count").asInt()).isEqualTo(2);
        assertThat(json.path("healthy_endpoints")).extracting(e -> e.path("model_id").asText())
                .containsExactly("gpt-4o-primary", "azure-entra");
        assertThat(json.path("unhealthy_endpoints")).extracting(e -> e.path("model_id").asText())
                .containsExactly("claude-bedrock", "vertex-gemini");
        assertThat(json.path("unhealthy_endpoints").get(0).path("error").asText()).contains("connection refused");
        assertThat(json.path("unhealthy_endpoints").get(1).path("error").asText()).contains("rerank");
        assertThat(json.path("healthy_endpoints").get(0).has("error")).isFalse();
    }

    @Test
    void should_show_the_configured_litellm_params_of_each_endpoint() {
        // when
        JsonNode gpt = endpoint("gpt-4o");
        JsonNode claude = endpoint("claude");
        JsonNode azure = endpoint("azure");
        JsonNode vertex = endpoint("vertex");

        // then
        assertThat(gpt.path("model").asText()).isEqualTo("openai/gpt-4o");
        assertThat(gpt.path("api_base").asText()).isEqualTo("https://llm.example.com/v1");
        assertThat(gpt.path("timeout").asInt()).isEqualTo(30);
        assertThat(gpt.path("rpm").asInt()).isEqualTo(100);
        assertThat(gpt.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(gpt.path("extra_body").path("tier").asText()).isEqualTo("gold");
        assertThat(claude.path("aws_region_name").asText()).isEqualTo("eu-west-1");
        assertThat(azure.path("api_version").asText()).isEqualTo("2024-10-21");
        assertThat(azure.path("tenant_id").asText()).isEqualTo("tenant-a");
        assertThat(vertex.path("vertex_project").asText()).isEqualTo("project-x");
    }

    @Test
    void should_never_show_a_credential_whatever_field_or_depth_it_is_in() {
        // given
        HealthReport report = new HealthReport(catalog.groups().stream()
                .map(g -> EndpointHealth.healthy(g.deployments().get(0))).toList(), CHECKED);

        // when
        String json = report.toJson().toString();

        // then
        assertThat(SECRETS).allSatisfy(secret -> assertThat(json).doesNotContain(secret));
        assertThat(json).doesNotContain("api_key", "aws_secret_access_key", "aws_access_key_id", "client_secret",
                "azure_ad_token", "vertex_credentials", "extra_headers");
    }

    @Test
    void should_tell_secret_field_names_from_ordinary_ones() {
        assertThat(List.of("api_key", "x-api-key", "apiKey", "aws_session_token", "accessToken", "client_secret",
                "db_password", "vertex_credentials", "Authorization", "Cookie"))
                .allSatisfy(name -> assertThat(EndpointParams.looksSecret(name)).as(name).isTrue());
        assertThat(List.of("model", "api_base", "max_tokens", "max_completion_tokens", "aws_region_name", "tenant_id",
                "rpm", "api_version"))
                .allSatisfy(name -> assertThat(EndpointParams.looksSecret(name)).as(name).isFalse());
    }

    @Test
    void should_keep_only_the_endpoints_asked_for() {
        // given
        HealthReport report = new HealthReport(catalog.groups().stream()
                .map(g -> EndpointHealth.healthy(g.deployments().get(0))).toList(), CHECKED);

        // when
        HealthReport part = report.only(Set.of("azure-entra"));

        // then
        assertThat(part.endpoints()).extracting(e -> e.deployment().id()).containsExactly("azure-entra");
        assertThat(part.checkedAt()).isEqualTo(CHECKED);
    }

    @Test
    void should_shorten_a_long_error() {
        // when
        EndpointHealth health = EndpointHealth.unhealthy(deployment("gpt-4o"), "x".repeat(2000));

        // then
        assertThat(health.error().orElseThrow()).hasSize(EndpointHealth.MAX_ERROR_LENGTH);
    }

    private JsonNode endpoint(String group) {
        return new HealthReport(List.of(EndpointHealth.healthy(deployment(group))), CHECKED).toJson()
                .path("healthy_endpoints").get(0);
    }

    private Deployment deployment(String group) {
        return catalog.group(group).orElseThrow().deployments().get(0);
    }
}
