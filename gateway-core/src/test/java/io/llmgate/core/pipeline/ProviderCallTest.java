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
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProviderCallTest extends LoopbackTest {

    @Test
    void should_answer_with_the_upstreams_body() throws Exception {
        // given
        upstream.script("answered-model", Scenario.content("forty-two"));
        Deployment deployment = deployment("answered-model");

        // when
        CallOutcome outcome = call(deployment, chat("public", false));

        // then
        assertThat(outcome).isInstanceOf(CallOutcome.Answered.class);
        CallOutcome.Answered answered = (CallOutcome.Answered) outcome;
        assertThat(answered.deployment()).isSameAs(deployment);
        assertThat(answered.contentType()).isEqualTo("application/json");
        assertThat(answered.upstreamNanos()).isPositive();
        assertThat(answered.finished().toCompletableFuture()).isCompleted();
        JsonNode body = Json.mapper().readTree(answered.body());
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("forty-two");
    }

    @Test
    void should_send_the_translated_request_upstream() throws Exception {
        // given
        Deployment deployment = deployment("recorded-model");

        // when
        call(deployment, chat("public", false));

        // then
        RecordedRequest received = upstream.requests().stream()
                .filter(r -> r.body().contains("recorded-model")).findFirst().orElseThrow();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.header("Authorization")).contains("Bearer sk-upstream-test");
        assertThat(received.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(received.bodyJson().path("model").asText()).isEqualTo("recorded-model");
        assertThat(received.bodyJson().path("messages").get(0).path("content").asText()).isEqualTo("hi");
    }

    @Test
    void should_pass_an_upstream_client_error_through_with_its_status() {
        // given
        upstream.script("missing-model", Scenario.openAiError(404, "invalid_request_error",
                "The model `missing-model` does not exist", "model_not_found"));

        // when
        GatewayException error = failure(deployment("missing-model"), chat("public", false));

        // then
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.type()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(error.provider()).isEqualTo("openai");
        assertThat(error.model()).isEqualTo("missing-model");
        assertThat(error.retriable()).isFalse();
        assertThat(error).hasMessage("openai returned 404: The model `missing-model` does not exist");
    }

    @Test
    void should_pass_an_upstream_rate_limit_through_as_retriable() {
        // given
        upstream.script("limited-model", Scenario.openAiError(429, "rate_limit_error", "Slow down", "rate_limit_exceeded"));

        // when
        GatewayException error = failure(deployment("limited-model"), chat("public", false));

        // then
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void should_keep_the_providers_retry_after_on_the_error() {
        // given
        upstream.script("waiting-model", Scenario.error(429,
                "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}", "Retry-After", "7"));

        // when
        GatewayException error = failure(deployment("waiting-model"), chat("public", false));

        // then
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.retryAfterSeconds()).hasValue(7);
    }

    @Test
    void should_round_retry_after_ms_up_to_seconds_on_a_refused_stream() {
        // given
        upstream.script("waiting-stream", Scenario.error(429,
                "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}", "retry-after-ms", "1500"));

        // when
        GatewayException error = failure(deployment("waiting-stream"), chat("public", true));

        // then
        assertThat(error.retryAfterSeconds()).hasValue(2);
    }

    @Test
    void should_start_a_stream_and_hand_over_every_event() throws Exception {
        // given
        upstream.script("streamed-model", Scenario.content("one two three four").withStream(4, java.time.Duration.ZERO));

        // when
        CallOutcome outcome = call(deployment("streamed-model"), chat("public", true));

        // then
        assertThat(outcome).isInstanceOf(CallOutcome.Streaming.class);
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) outcome;
        List<JsonNode> chunks = new ArrayList<>();
        byte[] payload;
        while ((payload = streaming.events().next()) != null) {
            chunks.add(Json.mapper().readTree(payload));
        }
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("one two three four");
        assertThat(streaming.finished().toCompletableFuture()).isCompletedWithValue(null);
        assertThat(upstream.requests().stream().filter(r -> r.body().contains("streamed-model")).findFirst().orElseThrow()
                .header("Accept")).contains("text/event-stream");
    }

    @Test
    void should_fail_a_stream_that_the_upstream_refuses_before_it_starts() {
        // given
        upstream.script("refused-stream", Scenario.openAiError(401, "invalid_request_error", "Incorrect API key provided",
                "invalid_api_key"));

        // when
        GatewayException error = failure(deployment("refused-stream"), chat("public", true));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error).hasMessage("openai returned 401: Incorrect API key provided");
    }

    @Test
    void should_fail_an_answer_larger_than_max_response_size() {
        // given
        upstream.script("huge-model", Scenario.content("x".repeat(10_000)));

        // when
        Throwable thrown = catchThrowable(() -> new ProviderCall(client, 1_000)
                .perform(chat("public", false), deployment("huge-model")).toCompletableFuture().get(10, TimeUnit.SECONDS));

        // then
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(GatewayException.class).hasMessageContaining("exceeded max_response_size_mb");
    }

    @Test
    void should_pass_an_embeddings_answer_through() throws Exception {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"public\",\"input\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8));

        // when
        CallOutcome outcome = call(deployment("embedding-model"), request);

        // then
        JsonNode body = Json.mapper().readTree(((CallOutcome.Answered) outcome).body());
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(2);
    }

    private static CallOutcome call(Deployment deployment, InferenceRequest request) throws Exception {
        return ProviderCalls.perform(client, deployment, request);
    }

    private static GatewayException failure(Deployment deployment, InferenceRequest request) {
        return ProviderCalls.failure(client, deployment, request);
    }

    private static InferenceRequest chat(String model, boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static Deployment deployment(String upstreamModel) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: openai/%s, api_base: "%s", api_key: sk-upstream-test, timeout: 10 }
                """.formatted(upstreamModel, upstream.baseUrl()));
    }
}
