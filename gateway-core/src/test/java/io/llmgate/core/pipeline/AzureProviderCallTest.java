package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.openai.FakeOpenAiProvider;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Azure adapter through the real upstream client against the fake Azure OpenAI on loopback. */
class AzureProviderCallTest {
    private static FakeOpenAiProvider azure;
    private static UpstreamClient client;
    private static Attempts attempts;

    @BeforeAll
    static void start() {
        azure = FakeOpenAiProvider.azure();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
        attempts = new Attempts(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        azure.close();
    }

    @BeforeEach
    void reset() {
        azure.reset();
    }

    @Test
    void should_answer_through_the_deployments_url_with_the_api_key() {
        // given
        azure.script("gpt4o-prod", Reply.text("Bonjour."));

        // when
        JsonNode answer = attempts.answer(deployment("api_key: azure-key"), Attempts.chat(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        // then
        assertThat(answer.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Bonjour.");
        RecordedRequest received = azure.requests().get(0);
        assertThat(received.path()).isEqualTo("/openai/deployments/gpt4o-prod/chat/completions");
        assertThat(received.query()).isEqualTo("api-version=2024-10-21");
        assertThat(received.header("api-key")).contains("azure-key");
    }

    @Test
    void should_stream_without_the_prompt_filter_chunk_and_with_usage() throws InterruptedException {
        // given
        azure.script("gpt4o-prod", new Reply.Text("one two three", 5, 3, 3));

        // when
        List<JsonNode> chunks = attempts.chunks(deployment("api_key: azure-key"), Attempts.chat("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true,
                 "stream_options":{"include_usage":true}}"""));

        // then
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("one two three");
        assertThat(chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void should_fetch_an_entra_token_once_and_send_it_as_bearer() {
        // given
        Deployment entra = deployment("tenant_id: t1, client_id: app, client_secret: s3cret, azure_authority_host: \""
                + azure.apiBase() + "\"");
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        // when
        attempts.answer(entra, Attempts.chat(body));
        attempts.answer(entra, Attempts.chat(body));

        // then
        assertThat(azure.tokenRequests()).hasSize(1);
        assertThat(azure.requests()).filteredOn(r -> r.path().contains("/deployments/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization"))
                        .contains("Bearer " + FakeOpenAiProvider.issuedToken(azure.tokensIssued())));
    }

    @Test
    void should_report_the_content_filter_as_a_content_policy_violation() {
        // given
        azure.script("gpt4o-prod", Reply.failure(FailureKind.CONTENT_POLICY));

        // when
        GatewayException error = attempts.failure(deployment("api_key: azure-key"), Attempts.chat(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.provider()).isEqualTo("azure");
    }

    @Test
    void should_embed_through_the_deployments_embeddings_url() {
        // given
        azure.script("gpt4o-prod", new Reply.Embedding(4, 3));

        // when
        JsonNode answer = attempts.answer(deployment("api_key: azure-key"),
                Attempts.embeddings("{\"model\":\"m\",\"input\":[\"a\",\"b\"]}"));

        // then
        assertThat(answer.path("data")).hasSize(2);
        assertThat(azure.requests().get(0).path()).isEqualTo("/openai/deployments/gpt4o-prod/embeddings");
    }

    private static Deployment deployment(String params) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: azure/gpt4o-prod, api_base: "%s", api_version: "2024-10-21", timeout: 10, %s }
                """.formatted(azure.apiBase(), params));
    }
}
