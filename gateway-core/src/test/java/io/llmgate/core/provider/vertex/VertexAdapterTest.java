package io.llmgate.core.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.AdapterExchange;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.vertex.FakeVertex;
import io.llmgate.testkit.provider.vertex.ServiceAccount;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Vertex adapter through the real upstream client against {@link FakeVertex}: service-account token
 * fetch from the fake's token endpoint (its JWT assertion verified there), caching and refresh, and the
 * project/location URL. Each deployment built here comes with its own adapter, so its own token cache.
 */
class VertexAdapterTest {
    private static FakeVertex vertex;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        vertex = FakeVertex.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        vertex.close();
    }

    @BeforeEach
    void reset() {
        vertex.reset();
    }

    @AfterEach
    void restoreLifetime() {
        vertex.tokenLifetime(Duration.ofHours(1));
    }

    @Test
    void should_fetch_a_token_once_and_reuse_it_while_it_is_valid() throws Exception {
        // given
        Deployment deployment = deployment("vertex_credentials: \"" + FakeVertex.credentialsFile(vertex.apiBase()) + "\"");
        int grantsBefore = vertex.tokenGrants();

        // when
        AdapterExchange.answer(client, chat(false), deployment);
        AdapterExchange.answer(client, chat(false), deployment);

        // then
        assertThat(vertex.tokenGrants() - grantsBefore).isEqualTo(1);
        List<RecordedRequest> calls = vertex.requests();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer ya29.fake-"));
        assertThat(calls.get(1).header("Authorization")).isEqualTo(calls.get(0).header("Authorization"));
    }

    @Test
    void should_refresh_a_token_that_is_about_to_expire() throws Exception {
        // given: tokens living one minute are inside the library's expiry margin at once
        vertex.tokenLifetime(Duration.ofSeconds(60));
        Deployment deployment = deployment("vertex_credentials: \"" + FakeVertex.credentialsFile(vertex.apiBase()) + "\"");
        int grantsBefore = vertex.tokenGrants();

        // when
        AdapterExchange.answer(client, chat(false), deployment);
        AdapterExchange.answer(client, chat(false), deployment);

        // then
        assertThat(vertex.tokenGrants() - grantsBefore).isEqualTo(2);
        List<RecordedRequest> calls = vertex.requests();
        assertThat(calls.get(1).header("Authorization")).isNotEqualTo(calls.get(0).header("Authorization"));
    }

    @Test
    void should_call_generate_content_at_the_project_and_location_path() throws Exception {
        // given
        vertex.script("gemini-2.5-flash", new Reply.Text("Hola", 3, 1, 1));

        // when
        JsonNode completion = AdapterExchange.answer(client, chat(false), deployment(jsonCredentials()));

        // then
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hola");
        assertThat(vertex.requests().get(0).path()).isEqualTo("/v1/projects/" + FakeVertex.PROJECT + "/locations/"
                + FakeVertex.LOCATION + "/publishers/google/models/gemini-2.5-flash:generateContent");
    }

    @Test
    void should_take_credentials_given_as_a_yaml_mapping() throws Exception {
        // given
        JsonNode json = io.llmgate.core.json.Json.mapper().readTree(vertex.credentialsJson());
        StringBuilder mapping = new StringBuilder("vertex_credentials: {");
        json.properties().forEach(f -> mapping.append(' ').append(f.getKey()).append(": ")
                .append(io.llmgate.core.json.Json.mapper().valueToTree(f.getValue().asText()).toString()).append(','));
        mapping.setLength(mapping.length() - 1);
        mapping.append(" }");

        // when
        JsonNode completion = AdapterExchange.answer(client, chat(false), deployment(mapping.toString()));

        // then
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void should_stream_with_alt_sse() throws Exception {
        // given
        vertex.script("gemini-2.5-flash", new Reply.Text("streamed from vertex", 6, 3, 3));

        // when
        List<JsonNode> chunks = AdapterExchange.stream(client, chat(true), deployment(jsonCredentials()));

        // then
        assertThat(vertex.requests().get(0).path()).endsWith(":streamGenerateContent");
        assertThat(vertex.requests().get(0).query()).isEqualTo("alt=sse");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("streamed from vertex");
    }

    @Test
    void should_embed_through_predict() throws Exception {
        // given
        vertex.script("text-embedding-005", new Reply.Embedding(3, 7));
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\": \"public\", \"input\": [\"a\", \"b\"]}".getBytes(StandardCharsets.UTF_8));
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: vertex_ai/text-embedding-005, api_base: "%s", vertex_project: %s,
                                      vertex_location: %s, %s }
                """.formatted(vertex.apiBase(), FakeVertex.PROJECT, FakeVertex.LOCATION, jsonCredentials()));

        // when
        JsonNode list = AdapterExchange.answer(client, request, deployment);

        // then
        assertThat(vertex.requests().get(0).path()).endsWith("/models/text-embedding-005:predict");
        assertThat(vertex.requests().get(0).bodyJson().path("instances").path(1).path("content").asText()).isEqualTo("b");
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.path("data").path(0).path("embedding")).hasSize(3);
        assertThat(list.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void should_take_the_project_from_the_service_account_when_none_is_configured() throws Exception {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: vertex_ai/gemini-2.5-flash, api_base: "%s", %s }
                """.formatted(vertex.apiBase(), jsonCredentials()));

        // when
        AdapterExchange.answer(client, chat(false), deployment);

        // then
        assertThat(vertex.requests().get(0).path()).startsWith("/v1/projects/" + FakeVertex.PROJECT + "/locations/us-central1/");
    }

    @Test
    void should_fail_as_an_authentication_error_when_the_token_endpoint_refuses_the_key() {
        // given: a key the fake never issued, pointed at its token endpoint
        String foreign = ServiceAccount.generate().json(FakeVertex.PROJECT, vertex.apiBase() + "/token");
        Deployment deployment = deployment("vertex_credentials: " + io.llmgate.core.json.Json.mapper().valueToTree(foreign));

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> AdapterExchange.answer(client, chat(false), deployment));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error.provider()).isEqualTo("vertex_ai");
        assertThat(error.getMessage()).contains("token endpoint refused").doesNotContain("PRIVATE KEY");
        assertThat(vertex.requests()).isEmpty();
    }

    @Test
    void should_fail_as_an_authentication_error_when_the_credentials_file_is_missing() {
        // given
        Deployment deployment = deployment("vertex_credentials: /nonexistent/service-account.json");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> AdapterExchange.answer(client, chat(false), deployment));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error).hasMessageContaining("/nonexistent/service-account.json");
    }

    /** The key JSON as a YAML double-quoted string, which JSON string syntax is. */
    private static String jsonCredentials() {
        return "vertex_credentials: " + io.llmgate.core.json.Json.mapper().valueToTree(vertex.credentialsJson());
    }

    private static InferenceRequest chat(boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"public\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static Deployment deployment(String credentials) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: vertex_ai/gemini-2.5-flash, api_base: "%s", vertex_project: %s,
                                      vertex_location: %s, timeout: 10, %s }
                """.formatted(vertex.apiBase(), FakeVertex.PROJECT, FakeVertex.LOCATION, credentials));
    }
}
