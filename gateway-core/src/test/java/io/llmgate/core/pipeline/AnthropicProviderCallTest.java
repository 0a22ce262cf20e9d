package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.anthropic.FakeAnthropic;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The Anthropic adapter through the real {@link UpstreamClient} against {@link FakeAnthropic} on loopback. */
class AnthropicProviderCallTest {
    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "foo/bar", "parameters": {"type": "object", "properties": {}}}},
             {"type": "function", "function": {"name": "foo_bar", "parameters": {"type": "object", "properties": {}}}}]""";
    private static FakeAnthropic anthropic;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        anthropic = FakeAnthropic.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        anthropic.close();
    }

    @BeforeEach
    void reset() {
        anthropic.reset();
    }

    @Test
    void should_answer_a_chat_completion_from_a_messages_response() throws Exception {
        // given
        anthropic.script("claude-sonnet-4-5", new Reply.Text("Paris.", 11, 7, 1));

        // when
        JsonNode completion = answer(deployment(FakeAnthropic.API_KEY), chat(false, ""));

        // then
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Paris.");
        assertThat(completion.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(18);
        RecordedRequest received = anthropic.requests().get(0);
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.header("x-api-key")).contains(FakeAnthropic.API_KEY);
        assertThat(received.header("anthropic-version")).contains("2023-06-01");
        assertThat(received.bodyJson().path("system").asText()).isEqualTo("Be brief.");
    }

    @Test
    void should_send_distinct_valid_tool_names_and_answer_with_the_callers_name() throws Exception {
        // given: foo/bar became foo_bar_2 because foo_bar is taken
        anthropic.script("claude-sonnet-4-5", Reply.toolCall("foo_bar_2", "{\"x\":1}"));

        // when
        JsonNode completion = answer(deployment(FakeAnthropic.API_KEY), chat(false, ", \"tools\": " + TOOLS));

        // then
        JsonNode sent = anthropic.requests().get(0).bodyJson().path("tools");
        assertThat(List.of(sent.path(0).path("name").asText(), sent.path(1).path("name").asText()))
                .containsExactly("foo_bar_2", "foo_bar");
        JsonNode call = completion.path("choices").path(0).path("message").path("tool_calls").path(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("foo/bar");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"x\":1}");
    }

    @Test
    void should_replace_empty_text_so_that_anthropic_accepts_the_request() throws Exception {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, """
                {"model": "claude", "messages": [{"role": "user", "content": ""},
                 {"role": "assistant", "content": [{"type": "text", "text": ""}]}, {"role": "user", "content": "hi"}]}"""
                .getBytes(StandardCharsets.UTF_8));

        // when
        JsonNode completion = answer(deployment(FakeAnthropic.API_KEY), request);

        // then
        assertThat(completion.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(FakeAnthropic.DEFAULT_TEXT);
    }

    @Test
    void should_stream_text_with_usage_at_the_end() throws Exception {
        // given
        anthropic.script("claude-sonnet-4-5", new Reply.Text("one two three four", 12, 5, 4));

        // when
        List<JsonNode> chunks = stream(deployment(FakeAnthropic.API_KEY), chat(true, ", \"stream_options\": {\"include_usage\": true}"));

        // then
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("one two three four");
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(anthropic.requests().get(0).header("accept")).contains("text/event-stream");
    }

    @Test
    void should_stream_a_tool_call_under_the_callers_name() throws Exception {
        // given
        anthropic.script("claude-sonnet-4-5", Reply.toolCall("foo_bar_2", "{\"city\":\"Paris\"}"));

        // when
        List<JsonNode> chunks = stream(deployment(FakeAnthropic.API_KEY), chat(true, ", \"tools\": " + TOOLS));

        // then
        StringBuilder arguments = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (JsonNode chunk : chunks) {
            JsonNode call = chunk.path("choices").path(0).path("delta").path("tool_calls").path(0);
            if (call.path("function").has("name")) {
                names.add(call.path("function").path("name").asText());
            }
            arguments.append(call.path("function").path("arguments").asText(""));
        }
        assertThat(names).containsExactly("foo/bar");
        assertThat(arguments).hasToString("{\"city\":\"Paris\"}");
    }

    @Test
    void should_end_a_stream_with_the_error_anthropic_reports_in_it() throws Exception {
        // given: Anthropic starts the stream, then reports overload as an event
        anthropic.script("claude-sonnet-4-5", Reply.failure(FailureKind.OVERLOADED));

        // when
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) call(deployment(FakeAnthropic.API_KEY), chat(true, ""));
        List<JsonNode> before = new ArrayList<>();
        Throwable failure = catchThrowable(() -> {
            byte[] payload;
            while ((payload = streaming.events().next()) != null) {
                before.add(Json.mapper().readTree(payload));
            }
        });

        // then
        assertThat(before).hasSize(1);
        assertThat(failure).isInstanceOf(GatewayException.class);
        GatewayException error = (GatewayException) failure;
        assertThat(error.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
        assertThat(error.status()).isEqualTo(529);
        assertThat(error.provider()).isEqualTo("anthropic");
    }

    @Test
    void should_report_a_rejected_key_as_an_authentication_error() {
        // when
        GatewayException error = failure(deployment("sk-ant-wrong"), chat(false, ""));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error).hasMessage("anthropic returned 401: invalid x-api-key");
    }

    @Test
    void should_report_overload_with_anthropics_status() {
        // given
        anthropic.script("claude-sonnet-4-5", Reply.failure(FailureKind.OVERLOADED));

        // when
        GatewayException error = failure(deployment(FakeAnthropic.API_KEY), chat(false, ""));

        // then
        assertThat(error.status()).isEqualTo(529);
        assertThat(error.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
        assertThat(error.retriable()).isTrue();
    }

    private static JsonNode answer(Deployment deployment, InferenceRequest request) throws Exception {
        return Json.mapper().readTree(((CallOutcome.Answered) call(deployment, request)).body());
    }

    private static List<JsonNode> stream(Deployment deployment, InferenceRequest request) throws Exception {
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) call(deployment, request);
        List<JsonNode> chunks = new ArrayList<>();
        byte[] payload;
        while ((payload = streaming.events().next()) != null) {
            chunks.add(Json.mapper().readTree(payload));
        }
        return chunks;
    }

    private static CallOutcome call(Deployment deployment, InferenceRequest request) throws Exception {
        return ProviderCalls.perform(client, deployment, request);
    }

    private static GatewayException failure(Deployment deployment, InferenceRequest request) {
        return ProviderCalls.failure(client, deployment, request);
    }

    private static InferenceRequest chat(boolean stream, String more) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("""
                {"model": "claude", "stream": %s, "messages": [{"role": "system", "content": "Be brief."},
                 {"role": "user", "content": "Capital of France?"}]%s}""".formatted(stream, more))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Deployment deployment(String apiKey) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: "%s", api_key: %s, timeout: 10 }
                """.formatted(anthropic.apiBase(), apiKey));
    }
}
