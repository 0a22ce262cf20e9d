package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.NativeMessagesRequest;
import io.llmgate.core.provider.DropParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicAdapterTest {
    private final AnthropicAdapter adapter = new AnthropicAdapter(Fixtures.CLOCK);

    private final Deployment deployment = ConfigFiles.deployment("""
            model_list:
              - model_name: claude
                litellm_params:
                  model: anthropic/claude-sonnet-4-5
                  api_key: sk-ant-deployment-key
                  timeout: 30
                  stream_timeout: 4
                  temperature: 0.2
                  extra_headers: { anthropic-beta: "prompt-caching-2024-07-31", X-Tenant: blue }
            """);

    @Test
    void should_post_to_the_default_messages_url_with_anthropics_headers() {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"claude\",%s}"), deployment);

        // then
        assertThat(upstream.uri()).hasToString("https://api.anthropic.com/v1/messages");
        assertThat(header(upstream, "x-api-key")).contains("sk-ant-deployment-key");
        assertThat(header(upstream, "anthropic-version")).contains("2023-06-01");
        assertThat(header(upstream, "accept")).contains("application/json");
        assertThat(header(upstream, "anthropic-beta")).contains("prompt-caching-2024-07-31");
        assertThat(header(upstream, "X-Tenant")).contains("blue");
        assertThat(header(upstream, "Authorization")).isEmpty();
        assertThat(upstream.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://api.anthropic.com,                    https://api.anthropic.com/v1/messages",
            "https://proxy.internal/anthropic/v1,          https://proxy.internal/anthropic/v1/messages",
            "https://proxy.internal/anthropic/v1/,         https://proxy.internal/anthropic/v1/messages",
            "https://proxy.internal/anthropic/v1/messages, https://proxy.internal/anthropic/v1/messages",
            "http://127.0.0.1:9000,                        http://127.0.0.1:9000/v1/messages"})
    void should_accept_an_api_base_with_or_without_its_version_path(String apiBase, String url) {
        // given
        Deployment based = ConfigFiles.deployment("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: anthropic/claude-x, api_base: "%s", api_key: k }
                """.formatted(apiBase));

        // when / then
        assertThat(adapter.toUpstream(chat("{\"model\":\"claude\",%s}"), based).uri()).hasToString(url);
    }

    @Test
    void should_stream_with_the_stream_timeout_and_an_event_stream_accept_header() throws Exception {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("{\"model\":\"claude\",\"stream\":true,%s}"), deployment);

        // then
        assertThat(header(upstream, "accept")).contains("text/event-stream");
        assertThat(upstream.responseTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(body(upstream).path("stream").asBoolean()).isTrue();
    }

    @Test
    void should_translate_the_body_with_the_upstream_model_and_the_deployments_defaults() throws Exception {
        // when
        JsonNode body = body(adapter.toUpstream(chat("{\"model\":\"claude\",%s}"), deployment));

        // then
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.path("messages").path(0).path("content").path(0).path("text").asText()).isEqualTo("hi");
    }

    @Test
    void should_join_the_requests_beta_flags_with_the_deployments() {
        // when
        UpstreamRequest upstream = adapter.toUpstream(chat("""
                {"model":"claude","extra_headers":{"anthropic-beta":"interleaved-thinking-2025-05-14, prompt-caching-2024-07-31"},%s}"""),
                deployment);

        // then
        assertThat(header(upstream, "anthropic-beta"))
                .contains("prompt-caching-2024-07-31,interleaved-thinking-2025-05-14");
        assertThat(upstream.headers()).filteredOn(h -> h.getKey().equalsIgnoreCase("anthropic-beta")).hasSize(1);
    }

    @Test
    void should_leave_the_gateways_request_unmodified() {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                Fixtures.bytes("request-tool-names.openai.json"));
        ObjectNode before = request.body().deepCopy();

        // when
        adapter.toUpstream(request, deployment);
        adapter.fromUpstream(request, Fixtures.bytes("response-tool-use.anthropic.json"));
        adapter.streamTranslator(request);

        // then
        assertThat(request.body()).isEqualTo(before);
    }

    @Test
    void should_give_tool_calls_of_an_answer_their_callers_names() throws Exception {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                Fixtures.bytes("request-tool-names.openai.json"));

        // when
        JsonNode completion = Fixtures.parse(adapter.fromUpstream(request, Fixtures.bytes("response-tool-use.anthropic.json")));

        // then
        assertThat(completion.path("choices").path(0).path("message").path("tool_calls").path(1).path("function")
                .path("name").asText()).isEqualTo("foo/bar");
    }

    @Test
    void should_refuse_embeddings_with_a_400_naming_the_provider() {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"claude\",\"input\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        // when
        GatewayException error = catchThrowableOfType(() -> adapter.toUpstream(request, deployment), GatewayException.class);

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.provider()).isEqualTo("anthropic");
        assertThat(error).hasMessageContaining("anthropic does not support /embeddings");
    }

    @Test
    void should_report_an_answer_that_is_not_json_as_an_upstream_error() {
        // when
        GatewayException error = catchThrowableOfType(() -> adapter.fromUpstream(chat("{\"model\":\"claude\",%s}"),
                "<html>".getBytes(StandardCharsets.UTF_8)), GatewayException.class);

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.provider()).isEqualTo("anthropic");
    }

    @Test
    void should_pass_an_anthropic_body_through_natively_with_the_upstream_model() throws Exception {
        // given
        ObjectNode anthropicBody = Fixtures.parse("""
                {"model": "claude", "max_tokens": 100, "stream": true, "system": "be brief",
                 "messages": [{"role": "user", "content": "hi"}], "metadata": {"user_id": "u-1"}}""");
        anthropicBody.put("model", "claude-sonnet-4-5"); // the front door names the upstream model

        // when
        UpstreamRequest upstream = adapter.toNativeMessages(new NativeMessagesRequest(anthropicBody, true,
                Map.of("anthropic-beta", "token-counting-2024-11-01")), deployment);

        // then
        assertThat(body(upstream)).isEqualTo(anthropicBody);
        assertThat(upstream.uri()).hasToString("https://api.anthropic.com/v1/messages");
        assertThat(header(upstream, "x-api-key")).contains("sk-ant-deployment-key");
        assertThat(header(upstream, "accept")).contains("text/event-stream");
        assertThat(header(upstream, "anthropic-beta")).contains("prompt-caching-2024-07-31,token-counting-2024-11-01");
        assertThat(upstream.responseTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void should_read_the_key_from_anthropic_api_key_when_the_deployment_has_none() {
        // given
        Deployment keyless = ConfigFiles.catalog("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: anthropic/claude-x }
                """, Map.of("ANTHROPIC_API_KEY", "sk-ant-from-env")).groups().iterator().next().deployments().get(0);

        // when / then
        assertThat(header(adapter.toUpstream(chat("{\"model\":\"claude\",%s}"), keyless), "x-api-key"))
                .contains("sk-ant-from-env");
    }

    @Test
    void should_drop_parameters_anthropic_lacks_when_the_request_asks_and_refuse_them_otherwise() {
        // given
        InferenceRequest asking = chat("{\"model\":\"claude\",%s,\"frequency_penalty\":0.5,\"drop_params\":true}");
        InferenceRequest notAsking = chat("{\"model\":\"claude\",%s,\"frequency_penalty\":0.5}");

        // when
        JsonNode sent = body(adapter.toUpstream(DropParams.apply(asking, deployment, false), deployment));
        GatewayException refused = catchThrowableOfType(() -> DropParams.apply(notAsking, deployment, false),
                GatewayException.class);

        // then
        assertThat(sent.has("frequency_penalty")).isFalse();
        assertThat(sent.has("drop_params")).isFalse();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused).hasMessageContaining("anthropic does not support parameters: ['frequency_penalty']");
    }

    private static InferenceRequest chat(String template) {
        String json = template.formatted("\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]");
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> header(UpstreamRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    private static JsonNode body(UpstreamRequest request) {
        return Fixtures.parse(request.body());
    }
}
