package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiCompatibleAdapterTest {
    private final OpenAiCompatibleAdapter adapter = new OpenAiCompatibleAdapter();

    private final Deployment deployment = ConfigFiles.deployment("""
            model_list:
              - model_name: public-name
                litellm_params:
                  model: hosted_vllm/org/upstream-model
                  api_base: "http://vllm.internal:8000/v1"
                  api_key: sk-deployment-key
                  organization: org-77
                  timeout: 30
                  stream_timeout: 4
                  temperature: 0.1
                  max_tokens: 64
                  extra_headers: { X-Tenant: blue, X-Trace: "on" }
            """);

    @Test
    void should_post_to_the_api_base_plus_the_endpoint_path() {
        // when
        UpstreamRequest chat = adapter.toUpstream(chat("{\"model\":\"public-name\",%s}"), deployment);
        UpstreamRequest embeddings = adapter.toUpstream(request(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"public-name\",\"input\":\"x\"}"), deployment);
        UpstreamRequest completions = adapter.toUpstream(request(InferenceEndpoint.COMPLETIONS,
                "{\"model\":\"public-name\",\"prompt\":\"x\"}"), deployment);

        // then
        assertThat(chat.uri()).hasToString("http://vllm.internal:8000/v1/chat/completions");
        assertThat(embeddings.uri()).hasToString("http://vllm.internal:8000/v1/embeddings");
        assertThat(completions.uri()).hasToString("http://vllm.internal:8000/v1/completions");
    }

    @Test
    void should_replace_the_public_model_name_by_the_upstream_model() throws IOException {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"public-name\",%s}"), deployment);

        // then
        assertThat(body(upstream).path("model").asText()).isEqualTo("org/upstream-model");
    }

    @Test
    void should_apply_body_defaults_only_where_the_request_sets_nothing() throws IOException {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"public-name\",%s,\"temperature\":0.9}"), deployment);

        // then
        JsonNode body = body(upstream);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("hi");
    }

    @Test
    void should_remove_the_gateways_own_fields() throws IOException {
        // given
        InferenceRequest request = chat("""
                {"model":"public-name",%s,"metadata":{"tag":"x"},"litellm_metadata":{},"fallbacks":["other"],
                 "mock_response":"hi","num_retries":3,"timeout":10,"api_key":"sk-caller-supplied","api_base":"http://evil",
                 "base_url":"http://evil","caching":true,"tags":["a"],"guardrails":[],"user":"u-1"}""");

        // when
        UpstreamRequest upstream = adapter.toUpstream(request, deployment);

        // then
        JsonNode body = body(upstream);
        assertThat(body.has("metadata")).isFalse();
        assertThat(body.has("litellm_metadata")).isFalse();
        assertThat(body.has("fallbacks")).isFalse();
        assertThat(body.has("mock_response")).isFalse();
        assertThat(body.has("num_retries")).isFalse();
        assertThat(body.has("timeout")).isFalse();
        assertThat(body.has("api_key")).isFalse();
        assertThat(body.has("api_base")).isFalse();
        assertThat(body.has("base_url")).isFalse();
        assertThat(body.has("caching")).isFalse();
        assertThat(body.has("tags")).isFalse();
        assertThat(body.has("guardrails")).isFalse();
        assertThat(body.path("user").asText()).isEqualTo("u-1");
        assertThat(new String(upstream.body(), StandardCharsets.UTF_8)).doesNotContain("sk-caller-supplied");
    }

    @Test
    void should_authenticate_with_the_deployments_key_and_organization() {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"public-name\",%s}"), deployment);

        // then
        assertThat(upstream.headers()).contains(
                Map.entry("Authorization", "Bearer sk-deployment-key"),
                Map.entry("OpenAI-Organization", "org-77"),
                Map.entry("X-Tenant", "blue"),
                Map.entry("X-Trace", "on"),
                Map.entry("Accept", "application/json"));
    }

    @Test
    void should_send_no_authorization_without_a_key() {
        // given
        Deployment keyless = ConfigFiles.deployment("""
                model_list:
                  - model_name: local
                    litellm_params: { model: hosted_vllm/llama, api_base: "http://vllm:8000/v1" }
                """);

        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"local\",%s}"), keyless);

        // then
        assertThat(upstream.headers()).extracting(Map.Entry::getKey)
                .doesNotContain("Authorization", "OpenAI-Organization");
    }

    @Test
    void should_not_modify_the_callers_request() throws IOException {
        // given
        InferenceRequest request = chat("{\"model\":\"public-name\",%s,\"metadata\":{\"a\":1},\"api_key\":\"sk-x\"}");
        ObjectNode before = request.body().deepCopy();

        // when
        adapter.toUpstream(request, deployment);

        // then
        assertThat(request.body()).isEqualTo(before);
        assertThat(request.body().path("model").asText()).isEqualTo("public-name");
    }

    @Test
    void should_not_modify_the_deployments_body_defaults() {
        // given
        String before = deployment.config().params().bodyDefaults().toString();

        // when
        adapter.toUpstream(chat("{\"model\":\"public-name\",%s,\"temperature\":0.9}"), deployment);

        // then
        assertThat(deployment.config().params().bodyDefaults()).hasToString(before);
    }

    @Test
    void should_wait_up_to_the_timeout_for_answers_and_the_stream_timeout_for_streams() {
        // when
        UpstreamRequest answer = adapter.toUpstream(chat("{\"model\":\"public-name\",%s}"), deployment);
        UpstreamRequest stream = adapter.toUpstream(chat("{\"model\":\"public-name\",%s,\"stream\":true}"), deployment);

        // then
        assertThat(answer.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(stream.responseTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(stream.headers()).contains(Map.entry("Accept", "text/event-stream"));
    }

    @Test
    void should_not_show_headers_in_the_upstream_requests_string_form() {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"public-name\",%s}"), deployment);

        // then
        assertThat(upstream.toString()).doesNotContain("sk-deployment-key").contains("vllm.internal");
    }

    @Test
    void should_pass_answers_through_unchanged() {
        // given
        byte[] answer = "{\"id\":\"x\",\"choices\":[]}".getBytes(StandardCharsets.UTF_8);

        // when
        byte[] translated = adapter.fromUpstream(chat("{\"model\":\"m\",%s}"), answer);

        // then
        assertThat(translated).isEqualTo(answer);
    }

    @Test
    void should_pass_stream_events_through_and_stop_at_done() {
        // given
        var translator = adapter.streamTranslator(chat("{\"model\":\"m\",%s,\"stream\":true}"));
        List<String> emitted = new ArrayList<>();

        // when
        boolean afterChunk = translator.onEvent(event("{\"choices\":[]}"),
                payload -> emitted.add(new String(payload, StandardCharsets.UTF_8)));
        boolean afterDone = translator.onEvent(event("[DONE]"),
                payload -> emitted.add(new String(payload, StandardCharsets.UTF_8)));

        // then
        assertThat(afterChunk).isTrue();
        assertThat(afterDone).isFalse();
        assertThat(emitted).containsExactly("{\"choices\":[]}");
    }

    private static SseEvent event(String data) {
        return new SseEvent(null, data.getBytes(StandardCharsets.UTF_8));
    }

    private static InferenceRequest chat(String template) {
        return request(InferenceEndpoint.CHAT_COMPLETIONS,
                template.formatted("\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"));
    }

    private static InferenceRequest request(InferenceEndpoint endpoint, String json) {
        return RequestDecoder.decode(endpoint, json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(UpstreamRequest upstream) throws IOException {
        return Json.mapper().readTree(upstream.body());
    }
}
