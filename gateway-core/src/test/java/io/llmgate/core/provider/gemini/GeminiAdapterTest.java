package io.llmgate.core.provider.gemini;

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
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.gemini.FakeGemini;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The AI Studio adapter through the real upstream client against {@link FakeGemini} on loopback. */
class GeminiAdapterTest {
    private static FakeGemini gemini;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        gemini = FakeGemini.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        gemini.close();
    }

    @BeforeEach
    void reset() {
        gemini.reset();
    }

    @Test
    void should_send_generate_content_with_the_key_in_a_header() throws Exception {
        // given
        gemini.script("gemini-2.0-flash", new Reply.Text("Bonjour", 5, 2, 1));

        // when
        JsonNode completion = AdapterExchange.answer(client, chat(false), deployment(FakeGemini.API_KEY));

        // then
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Bonjour");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(7);
        RecordedRequest sent = gemini.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(sent.query()).isEmpty();
        assertThat(sent.header("x-goog-api-key")).contains(FakeGemini.API_KEY);
        assertThat(sent.header("x-extra")).contains("yes");
        assertThat(sent.bodyJson().path("contents").path(0).path("parts").path(0).path("text").asText()).isEqualTo("hi");
        assertThat(sent.bodyJson().path("generationConfig").path("temperature").asDouble())
                .as("a deployment default param").isEqualTo(0.2);
    }

    @Test
    void should_stream_with_alt_sse_and_finish_when_the_server_closes() throws Exception {
        // given
        gemini.script("gemini-2.0-flash", new Reply.Text("one two three", 4, 3, 3));

        // when
        List<JsonNode> chunks = AdapterExchange.stream(client, chat(true), deployment(FakeGemini.API_KEY));

        // then
        assertThat(gemini.requests().get(0).path()).endsWith(":streamGenerateContent");
        assertThat(gemini.requests().get(0).query()).isEqualTo("alt=sse");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("one two three");
        assertThat(chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void should_fail_a_stream_whose_prompt_was_blocked_before_it_starts() {
        // given
        gemini.script("gemini-2.0-flash", Reply.failure(FailureKind.CONTENT_POLICY));

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> AdapterExchange.stream(client, chat(true), deployment(FakeGemini.API_KEY)));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTENT_POLICY);
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void should_report_a_rejected_key_as_an_authentication_error() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> AdapterExchange.answer(client, chat(false), deployment("wrong-key")));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error.getMessage()).doesNotContain("wrong-key");
    }

    @Test
    void should_embed_through_batch_embed_contents() throws Exception {
        // given
        gemini.script("text-embedding-004", new Reply.Embedding(4, 3));
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\": \"public\", \"input\": [\"a\", \"b\"], \"dimensions\": 4}".getBytes(StandardCharsets.UTF_8));

        // when
        JsonNode list = AdapterExchange.answer(client, request, deployment(FakeGemini.API_KEY, "text-embedding-004"));

        // then
        RecordedRequest sent = gemini.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1beta/models/text-embedding-004:batchEmbedContents");
        assertThat(sent.bodyJson().path("requests").path(1).path("model").asText()).isEqualTo("models/text-embedding-004");
        assertThat(sent.bodyJson().path("requests").path(1).path("content").path("parts").path(0).path("text").asText())
                .isEqualTo("b");
        assertThat(sent.bodyJson().path("requests").path(0).path("outputDimensionality").asInt()).isEqualTo(4);
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(list.path("data").path(1).path("embedding")).hasSize(4);
        assertThat(list.path("usage").path("prompt_tokens").asInt()).isZero();
    }

    @Test
    void should_read_the_key_from_gemini_api_key_when_the_deployment_names_none() {
        // when
        Deployment deployment = ConfigFiles.catalog("""
                model_list:
                  - model_name: public
                    litellm_params: { model: gemini/gemini-2.0-flash }
                """, Map.of("GEMINI_API_KEY", "from-env")).groups().iterator().next().deployments().get(0);

        // then
        assertThat(deployment.apiKey()).hasValueSatisfying(key -> assertThat(key.reveal()).isEqualTo("from-env"));
        assertThat(deployment.apiBase()).hasToString("https://generativelanguage.googleapis.com");
        assertThat(deployment.provider().name()).isEqualTo("gemini");
    }

    private static InferenceRequest chat(boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"public\",\"stream\":" + stream
                + ",\"stream_options\":{\"include_usage\":" + stream + "},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static Deployment deployment(String key) {
        return deployment(key, "gemini-2.0-flash");
    }

    private static Deployment deployment(String key, String model) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: gemini/%s, api_base: "%s", api_key: %s, timeout: 10, temperature: 0.2,
                                      extra_headers: { x-extra: "yes" } }
                """.formatted(model, gemini.apiBase(), key));
    }
}
