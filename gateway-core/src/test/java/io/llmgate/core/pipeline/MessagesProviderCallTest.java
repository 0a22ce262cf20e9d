package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.messages.MessagesFixtures;
import io.llmgate.core.messages.MessagesRequestDecoder;
import io.llmgate.core.messages.MinimalNativeAdapter;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.LoopbackTest;
import io.llmgate.testkit.provider.LoopbackServer;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code /v1/messages} calls through the real upstream client: translated to the fake OpenAI upstream, and native. */
class MessagesProviderCallTest extends LoopbackTest {
    private static LoopbackServer anthropic;

    @BeforeAll
    static void startAnthropic() {
        anthropic = LoopbackServer.start("fake-anthropic", (request, exchange) -> {
            if (request.bodyJson().path("model").asText().equals("overloaded")) {
                Replies.bytes(exchange, 529, "application/json",
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                                .getBytes(StandardCharsets.UTF_8));
            } else if (request.bodyJson().path("stream").asBoolean()) {
                OutputStream out = Replies.openEventStream(exchange);
                for (String event : new String(fixture("stream/native.anthropic.sse"), StandardCharsets.UTF_8).split("(?<=\n\n)")) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.close();
            } else {
                Replies.bytes(exchange, 200, "application/json", fixture("response/native.anthropic.json"));
            }
        });
    }

    @AfterAll
    static void stopAnthropic() {
        anthropic.close();
    }

    @Test
    void should_answer_a_translated_call_in_anthropic_format_and_send_the_provider_an_openai_chat_request() throws Exception {
        // given
        upstream.script("translated-model", Scenario.content("Bonjour!"));

        // when
        CallOutcome outcome = call(messages(false), openAiDeployment("translated-model"));

        // then
        JsonNode message = Json.mapper().readTree(((CallOutcome.Answered) outcome).body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("model").asText()).isEqualTo("claude");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("Bonjour!");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo("Bonjour!".length() / 4);
        RecordedRequest sent = sentFor("translated-model");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.bodyJson().at("/messages/0").toString()).isEqualTo("{\"role\":\"system\",\"content\":\"Be brief.\"}");
        assertThat(sent.bodyJson().path("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void should_stream_a_translated_tool_call_as_anthropic_events_asking_the_provider_for_usage() throws Exception {
        // given
        upstream.script("tool-model", Scenario.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));

        // when
        List<String> frames = frames((CallOutcome.Streaming) call(messages(true), openAiDeployment("tool-model")));

        // then
        assertThat(frames).extracting(frame -> frame.substring("event: ".length(), frame.indexOf('\n'))).containsExactly(
                "message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        StringBuilder input = new StringBuilder();
        frames.stream().filter(frame -> frame.contains("input_json_delta"))
                .forEach(frame -> input.append(data(frame).at("/delta/partial_json").asText()));
        assertThat(input).hasToString("{\"city\":\"Paris\"}");
        JsonNode delta = data(frames.get(frames.size() - 2));
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(delta.at("/usage/output_tokens").asInt()).isPositive();
        assertThat(sentFor("tool-model").bodyJson().at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void should_fail_a_translated_call_with_the_providers_error() {
        // given
        upstream.script("limited-model", Scenario.openAiError(429, "rate_limit_error", "Slow down", "rate_limit_exceeded"));

        // when
        Throwable thrown = catchThrowable(() -> call(messages(false), openAiDeployment("limited-model")));

        // then
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(GatewayException.class);
        GatewayException error = (GatewayException) thrown.getCause();
        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(error.status()).isEqualTo(429);
    }

    @Test
    void should_pass_a_native_answer_through_unchanged() throws Exception {
        // when
        CallOutcome outcome = call(messages(false), MinimalNativeAdapter.deployment(anthropic.origin() + "/v1", "claude-sonnet-4-5"));

        // then
        assertThat(((CallOutcome.Answered) outcome).body()).isEqualTo(fixture("response/native.anthropic.json"));
        RecordedRequest sent = anthropic.requests().get(anthropic.requests().size() - 1);
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.bodyJson().path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.bodyJson().path("system").asText()).isEqualTo("Be brief.");
    }

    @Test
    void should_pass_a_native_stream_through_event_by_event_with_names_and_bytes() throws Exception {
        // when
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) call(messages(true),
                MinimalNativeAdapter.deployment(anthropic.origin() + "/v1", "claude-sonnet-4-5"));

        // then
        assertThat(String.join("", frames(streaming))).isEqualTo(new String(fixture("stream/native.anthropic.sse"), StandardCharsets.UTF_8));
        assertThat(streaming.finished().toCompletableFuture()).isCompletedWithValue(null);
    }

    @Test
    void should_report_a_native_error_answer_through_the_adapter() {
        // when
        Throwable thrown = catchThrowable(() -> call(messages(false),
                MinimalNativeAdapter.deployment(anthropic.origin() + "/v1", "overloaded")));

        // then
        GatewayException error = (GatewayException) thrown.getCause();
        assertThat(error.status()).isEqualTo(529);
        assertThat(error.getMessage()).isEqualTo("anthropic returned 529: Overloaded");
    }

    private static CallOutcome call(InferenceRequest request, Deployment deployment) throws Exception {
        return ProviderCalls.perform(client, deployment, request);
    }

    private static List<String> frames(CallOutcome.Streaming streaming) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        byte[] frame;
        while ((frame = streaming.events().next()) != null) {
            frames.add(new String(frame, StandardCharsets.UTF_8));
        }
        return frames;
    }

    private static JsonNode data(String frame) {
        try {
            return Json.mapper().readTree(frame.substring(frame.indexOf("data: ") + "data: ".length()).strip());
        } catch (IOException e) {
            throw new AssertionError(frame, e);
        }
    }

    private static InferenceRequest messages(boolean stream) {
        return MessagesRequestDecoder.decode(("{\"model\": \"claude\", \"max_tokens\": 64, \"stream\": " + stream
                + ", \"system\": \"Be brief.\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")
                .getBytes(StandardCharsets.UTF_8), name -> null);
    }

    private static RecordedRequest sentFor(String model) {
        return upstream.requests().stream().filter(r -> r.bodyJson().path("model").asText().equals(model)).findFirst().orElseThrow();
    }

    private static Deployment openAiDeployment(String upstreamModel) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: openai/%s, api_base: "%s", timeout: 10 }
                """.formatted(upstreamModel, upstream.baseUrl()));
    }

    private static byte[] fixture(String name) {
        return MessagesFixtures.bytes(name);
    }
}
