package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.ProviderDeployments;
import io.llmgate.testkit.provider.anthropic.FakeAnthropic;
import io.llmgate.testkit.provider.bedrock.FakeBedrock;
import io.llmgate.testkit.provider.gemini.FakeGemini;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.GatewayConfigFile.MASTER_KEY;
import static io.llmgate.it.support.GatewayConfigFile.UPSTREAM_KEY;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /health}: a real minimal call to each deployment, its verdict shown and fed to routing. */
class HealthIT extends DeployedGatewayTestBase {

    @Test
    void should_answer_401_without_the_key_while_the_probes_stay_public() {
        // when
        HttpResponse<String> health = gateway.send(gateway.newGet("/health"));
        HttpResponse<String> liveliness = gateway.send(gateway.newGet("/health/liveliness"));
        HttpResponse<String> readiness = gateway.send(gateway.newGet("/health/readiness"));

        // then
        assertThatResponse(health).hasStatus(401).hasOpenAiErrorBody();
        assertThatResponse(liveliness).hasStatus(200);
        assertThatResponse(readiness).hasStatus(200);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_list_the_working_deployments_healthy_and_the_dead_one_unhealthy_with_its_error() {
        // when
        HttpResponse<String> response = gateway.get("/health");

        // then
        JsonNode body = assertThatResponse(response).hasStatus(200).hasJsonBody().json();
        String fake = upstream.baseUrl();
        assertThat(body.path("healthy_endpoints")).filteredOn(e -> fake.equals(e.path("api_base").asText()))
                .filteredOn(e -> !routerDeployment(e))
                .extracting(e -> e.path("model").asText())
                .containsExactlyInAnyOrder("openai/gpt-4o-mini", "hosted_vllm/meta-llama/Llama-3.1-8B-Instruct",
                        "openai/text-embedding-3-small", "openai/slow-model", "openai/error-model", "openai/stream-model");
        assertThat(body.path("unhealthy_endpoints")).filteredOn(e -> e.path("api_base").asText().startsWith("http://127.0.0.1:"))
                .filteredOn(e -> !fake.equals(e.path("api_base").asText()))
                .filteredOn(e -> !routerDeployment(e))
                .singleElement().satisfies(dead -> {
                    assertThat(dead.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
                    assertThat(dead.path("model_id").asText()).isNotBlank();
                    assertThat(dead.path("error").asText()).contains("connection refused");
                });
        assertThat(body.path("healthy_endpoints")).as("a minimal call through every provider's adapter")
                .extracting(e -> e.path("model").asText())
                .contains("azure/gpt-4o-deployment", "azure/gpt-4o-entra", "cohere/command-r-plus-conformance",
                        "bedrock/anthropic.claude-3-haiku-20240307-v1:0", "bedrock/cohere.embed-english-v3",
                        "anthropic/claude-sonnet-4-5", "gemini/gemini-2.0-flash", "gemini/text-embedding-004",
                        "vertex_ai/gemini-2.5-flash", "vertex_ai/text-embedding-005");
        assertThat(body.path("healthy_count").asInt()).isEqualTo(body.path("healthy_endpoints").size());
        assertThat(body.path("unhealthy_count").asInt()).isEqualTo(body.path("unhealthy_endpoints").size());
        assertThat(body.path("healthy_endpoints")).allSatisfy(e -> assertThat(e.path("model_id").asText()).isNotBlank());
        assertThat(upstream.requests()).filteredOn(r -> r.path().endsWith("/embeddings"))
                .singleElement().satisfies(r -> assertThat(r.bodyJson().path("model").asText()).isEqualTo("text-embedding-3-small"));
        assertThat(upstream.requests()).filteredOn(r -> r.path().endsWith("/chat/completions"))
                .filteredOn(r -> !GatewayConfigFile.ROUTER_DEPLOYMENT_IDS.contains(r.bodyJson().path("model").asText()))
                .hasSize(5).allSatisfy(r -> assertThat(r.bodyJson().path("max_tokens").asInt()).isEqualTo(1));
    }

    @Test
    void should_check_only_the_model_group_asked_for() {
        // when
        HttpResponse<String> response = gateway.get("/health?model=gpt-4o-mini");

        // then
        JsonNode body = assertThatResponse(response).hasStatus(200).hasJsonBody().json();
        assertThat(body.path("healthy_count").asInt()).isEqualTo(1);
        assertThat(body.path("unhealthy_count").asInt()).isZero();
        assertThat(body.path("healthy_endpoints").get(0).path("model").asText()).isEqualTo("openai/gpt-4o-mini");
        List<RecordedRequest> received = upstream.requests();
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.bodyJson().path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(r.bodyJson().path("max_tokens").asInt()).isEqualTo(1);
            assertThat(r.bodyJson().path("messages")).hasSize(1);
        });
    }

    @Test
    void should_refuse_a_model_nothing_is_configured_for() {
        // when
        HttpResponse<String> response = gateway.get("/health?model=no-such-model");

        // then
        assertThatResponse(response).hasStatus(400).hasOpenAiErrorBody().hasErrorMessageContaining("no-such-model");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_leave_routing_alone_when_a_check_on_demand_finds_a_deployment_unhealthy() {
        // given the provider fails the health check; background checks are off in this configuration
        upstream.script("error-model", Scenario.openAiError(500, "server_error", "The model is overloaded", null));
        JsonNode failed = assertThatResponse(gateway.get("/health?model=error-model")).hasStatus(200).json();
        upstream.script("error-model", Scenario.ok());

        // when
        HttpResponse<String> afterRecovery = gateway.post("/v1/chat/completions", chat("error-model"));

        // then: nothing would re-check the deployment, so one failed check on demand must not shut it out
        assertThat(failed.path("unhealthy_endpoints")).singleElement()
                .satisfies(e -> assertThat(e.path("error").asText()).contains("The model is overloaded"));
        assertThatResponse(afterRecovery).hasStatus(200);
    }

    @Test
    void should_never_show_a_key_or_secret_of_any_deployment() {
        // when
        HttpResponse<String> response = gateway.get("/health");
        assertThatResponse(response).hasStatus(200);
        String body = response.body();

        // then
        List<String> secrets = new ArrayList<>(List.of(MASTER_KEY, UPSTREAM_KEY, ProviderDeployments.OPENAI_KEY,
                ProviderDeployments.AZURE_KEY, ProviderDeployments.COHERE_KEY, FakeBedrock.ACCESS_KEY_ID,
                FakeBedrock.SECRET_ACCESS_KEY, FakeAnthropic.API_KEY, FakeGemini.API_KEY, "conformance-secret"));
        secrets.add(FakeBedrock.SECRET_ACCESS_KEY.replace("/", "\\/"));
        assertThat(secrets).allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        assertThat(body).doesNotContain("api_key", "client_secret", "aws_secret_access_key", "vertex_credentials");
    }

    /** RouterIT's deployments share the fake upstream; this test is about the others. */
    private static boolean routerDeployment(JsonNode endpoint) {
        return GatewayConfigFile.ROUTER_DEPLOYMENT_IDS.contains(endpoint.path("model_id").asText());
    }
}
