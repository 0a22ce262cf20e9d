package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.Json;
import io.llmgate.it.support.ProviderConformance;
import io.llmgate.it.support.ProviderDeployments;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.openai.FakeOpenAiProvider;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.EnumSet;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure OpenAI through the deployed gateway: per-deployment URLs with api-version, the api-key header, Azure's
 * content-filter errors and stream extras, and Entra ID client-credentials auth against the fake's token endpoint.
 */
class AzureConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("azure", "conformance-azure-chat", "gpt-4o-deployment", "conformance-azure-embed",
                "embedding-deployment", EnumSet.allOf(Capability.class));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt-4o-deployment/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=" + ProviderDeployments.AZURE_API_VERSION);
        assertThat(request.header("api-key")).contains(ProviderDeployments.AZURE_KEY);
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void should_drop_azures_prompt_filter_chunks_from_a_stream() {
        provider.script(subject().chatUpstream(), Reply.text("Filtered elsewhere."));

        StreamedResponse stream = gateway.stream("/v1/chat/completions", """
                {"model": "conformance-azure-chat", "messages": [{"role": "user", "content": "Hi"}], "stream": true}
                """);

        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.body()).doesNotContain("prompt_filter_results");
        assertThat(stream.content()).isEqualTo("Filtered elsewhere.");
        assertThat(stream.chunks().get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void should_authenticate_with_an_entra_id_token_fetched_once() {
        FakeOpenAiProvider azure = (FakeOpenAiProvider) provider;
        provider.script("gpt-4o-entra", Reply.text("Signed in."));

        HttpResponse<String> first = gateway.post("/v1/chat/completions", """
                {"model": "conformance-azure-entra", "messages": [{"role": "user", "content": "Hi"}]}""");
        HttpResponse<String> second = gateway.post("/v1/chat/completions", """
                {"model": "conformance-azure-entra", "messages": [{"role": "user", "content": "Again"}]}""");

        assertThatResponse(first).hasStatus(200);
        assertThatResponse(second).hasStatus(200);
        JsonNode body = Json.parse(second.body());
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Signed in.");
        assertThat(azure.tokenRequests()).as("the token is cached across calls").hasSizeLessThanOrEqualTo(1);
        assertThat(provider.requests()).filteredOn(r -> r.path().contains("/deployments/"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization").orElse("")).startsWith("Bearer fake-entra-token-"));
    }
}
