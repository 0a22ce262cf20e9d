package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.LoopbackTest;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The router's executor against the fake OpenAI upstream on loopback: retries, fallbacks, cooldowns, timeouts. */
class RoutedCallTest extends LoopbackTest {
    private InferencePipeline pipeline;

    @BeforeEach
    void configure() {
        upstream.clearScripts();
        upstream.clearRequests();
        pipeline = new InferencePipeline(new FixedRuntime(ConfigFiles.load("""
                model_list:
                  - model_name: pair
                    litellm_params: { model: openai/pair-a, api_base: "%1$s" }
                    model_info: { id: pair-a }
                  - model_name: pair
                    litellm_params: { model: openai/pair-b, api_base: "%1$s" }
                    model_info: { id: pair-b }
                  - model_name: primary
                    litellm_params: { model: openai/primary, api_base: "%1$s" }
                    model_info: { id: primary }
                  - model_name: backup
                    litellm_params: { model: openai/backup, api_base: "%1$s" }
                    model_info: { id: backup }
                  - model_name: small
                    litellm_params: { model: openai/small, api_base: "%1$s" }
                  - model_name: large
                    litellm_params: { model: openai/large, api_base: "%1$s" }
                    model_info: { id: large }
                  - model_name: slow
                    litellm_params: { model: openai/slow, api_base: "%1$s", timeout: 30 }
                  - model_name: "openai/*"
                    litellm_params: { model: "openai/*", api_base: "%1$s" }
                    model_info: { id: wildcard }
                router_settings:
                  num_retries: 0
                  cooldown_time: 60
                  fallbacks: [ { primary: [ backup ] } ]
                  context_window_fallbacks: [ { small: [ large ] } ]
                  model_group_alias: { nickname: backup }
                """.formatted(upstream.baseUrl())), client));
    }

    @Test
    void should_retry_on_the_other_deployment_when_one_fails_with_a_server_error() throws Exception {
        // given
        upstream.script("pair-a", Scenario.openAiError(500, "server_error", "boom", null));

        int retried = 0;

        // when
        for (int i = 0; i < 20; i++) {
            CallOutcome outcome = call("pair", ", \"num_retries\": 1", false);

            // then
            assertThat(outcome.deployment().id()).isEqualTo("pair-b");
            retried += outcome.attempts().retries();
        }
        // each failure cost one retry; after allowed_fails (3) failures in the minute the 4th cools pair-a down
        assertThat(requestsTo("pair-a")).isEqualTo(retried).isLessThanOrEqualTo(4);
        assertThat(requestsTo("pair-b")).isEqualTo(20);
    }

    @Test
    void should_count_a_retry_when_the_first_pick_failed() throws Exception {
        // given: pair-a refuses the caller's rate limit; it is cooled down at once
        upstream.script("pair-a", Scenario.openAiError(429, "rate_limit_exceeded", "slow down", null));
        int retried = 0;

        // when
        for (int i = 0; i < 10; i++) {
            CallOutcome outcome = call("pair", ", \"num_retries\": 1", false);
            assertThat(outcome.deployment().id()).isEqualTo("pair-b");
            retried += outcome.attempts().retries();
        }

        // then: one 429 at most, which cost one retry; then pair-a was cooled down and got nothing more
        assertThat(requestsTo("pair-a")).isEqualTo(retried).isLessThanOrEqualTo(1);
    }

    @Test
    void should_fail_without_retrying_when_num_retries_is_zero() {
        // given
        upstream.script("primary", Scenario.openAiError(400, "invalid_request_error", "bad", null));

        // when
        Throwable thrown = catchThrowable(() -> call("primary", "", false));

        // then: a plain bad request neither retries nor falls back
        assertThat(thrown).hasCauseInstanceOf(GatewayException.class);
        assertThat(((GatewayException) thrown.getCause()).status()).isEqualTo(400);
        assertThat(requestsTo("primary")).isEqualTo(1);
        assertThat(requestsTo("backup")).isZero();
    }

    @Test
    void should_fall_back_to_the_configured_group_after_a_server_error() throws Exception {
        // given
        upstream.script("primary", Scenario.openAiError(503, "server_error", "down", null));

        // when
        CallOutcome outcome = call("primary", "", false);

        // then
        assertThat(outcome.deployment().id()).isEqualTo("backup");
        assertThat(outcome.attempts()).isEqualTo(new CallOutcome.Attempts(0, 1));
        assertThat(requestsTo("primary")).isEqualTo(1);
        assertThat(upstream.requests()).filteredOn(r -> r.bodyJson().path("model").asText().equals("backup"))
                .singleElement().satisfies(r -> assertThat(r.bodyJson().has("fallbacks")).isFalse());
    }

    @Test
    void should_use_context_window_fallbacks_for_a_context_window_error() throws Exception {
        // given
        upstream.script("small", Scenario.openAiError(400, "invalid_request_error",
                "This model's maximum context length is 10 tokens", "context_length_exceeded"));

        // when
        CallOutcome outcome = call("small", "", false);

        // then
        assertThat(outcome.deployment().id()).isEqualTo("large");
        assertThat(outcome.attempts().fallbacks()).isEqualTo(1);
    }

    @Test
    void should_use_the_callers_fallbacks_and_accept_an_alias_there() throws Exception {
        // given
        upstream.script("large", Scenario.openAiError(500, "server_error", "down", null));

        // when
        CallOutcome outcome = call("large", ", \"fallbacks\": [\"nickname\"]", false);

        // then
        assertThat(outcome.deployment().id()).isEqualTo("backup");
    }

    @Test
    void should_fall_back_without_calling_the_requested_group_for_mock_testing_fallbacks() throws Exception {
        // when
        CallOutcome outcome = call("primary", ", \"mock_testing_fallbacks\": true", false);

        // then
        assertThat(outcome.deployment().id()).isEqualTo("backup");
        assertThat(requestsTo("primary")).isZero();
        assertThat(upstream.requests()).singleElement().satisfies(r ->
                assertThat(r.bodyJson().has("mock_testing_fallbacks")).isFalse());
    }

    @Test
    void should_answer_mock_response_without_any_upstream_call() throws Exception {
        // when
        CallOutcome answered = call("primary", ", \"mock_response\": \"mocked!\"", false);
        CallOutcome streamed = call("primary", ", \"mock_response\": \"mocked!\"", true);

        // then
        assertThat(new String(((CallOutcome.Answered) answered).body(), StandardCharsets.UTF_8)).contains("\"mocked!\"");
        EventStream events = ((CallOutcome.Streaming) streamed).events();
        assertThat(new String(events.next(), StandardCharsets.UTF_8)).contains("\"mocked!\"");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_retry_a_stream_that_fails_before_its_first_event_on_the_other_deployment() throws Exception {
        // given
        upstream.script("pair-a", Scenario.openAiError(502, "server_error", "bad gateway", null));
        upstream.script("pair-b", Scenario.stream(3, Duration.ZERO));

        // when
        for (int i = 0; i < 5; i++) {
            CallOutcome outcome = call("pair", ", \"num_retries\": 2", true);

            // then
            assertThat(outcome).isInstanceOf(CallOutcome.Streaming.class);
            assertThat(outcome.deployment().id()).isEqualTo("pair-b");
            ((CallOutcome.Streaming) outcome).events().cancel();
        }
    }

    @Test
    void should_wait_for_the_providers_retry_after_before_retrying_a_single_deployment() throws Exception {
        // given: the only deployment answers 429 with Retry-After: 1 once, then normally
        upstream.script("backup", Scenario.error(429,
                "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}", "Retry-After", "1"));
        new Thread(() -> {
            sleep(300);
            upstream.script("backup", Scenario.ok());
        }).start();
        long started = System.nanoTime();

        // when
        CallOutcome outcome = call("backup", ", \"num_retries\": 1", false);

        // then
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(1_000);
        assertThat(outcome.attempts().retries()).isEqualTo(1);
        assertThat(requestsTo("backup")).isEqualTo(2);
    }

    @Test
    void should_time_out_after_the_callers_timeout_rather_than_the_deployments() {
        // given: the deployment allows 30 s, the caller 0.5 s
        upstream.script("slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(5)));
        long started = System.nanoTime();

        // when
        Throwable thrown = catchThrowable(() -> call("slow", ", \"timeout\": 0.5", false));

        // then
        assertThat(((GatewayException) thrown.getCause()).status()).isIn(408, 504);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(400L, 4_000L);
    }

    @Test
    void should_route_a_model_matching_a_wildcard_group_with_the_matched_name_upstream() throws Exception {
        // when
        CallOutcome outcome = call("openai/gpt-4.1-nano", "", false);

        // then
        assertThat(outcome.deployment().id()).isEqualTo("wildcard");
        assertThat(upstream.requests()).singleElement().satisfies(r ->
                assertThat(r.bodyJson().path("model").asText()).isEqualTo("gpt-4.1-nano"));
    }

    @Test
    void should_refuse_a_wrongly_typed_router_field_with_a_400_naming_it() {
        // when
        Throwable thrown = catchThrowable(() -> call("primary", ", \"num_retries\": \"many\"", false));

        // then
        GatewayException error = (GatewayException) thrown.getCause();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.param()).isEqualTo("num_retries");
        assertThat(upstream.requests()).isEmpty();
    }

    private CallOutcome call(String model, String extraFields, boolean stream) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extraFields + "}";
        InferenceCall call = new InferenceCall("call", Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                body.getBytes(StandardCharsets.UTF_8)), System.nanoTime(), Optional.empty());
        return pipeline.execute(call).toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private static long requestsTo(String upstreamModel) {
        return upstream.requests().stream().map(RecordedRequest::bodyJson)
                .filter(b -> b.path("model").asText().equals(upstreamModel)).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
