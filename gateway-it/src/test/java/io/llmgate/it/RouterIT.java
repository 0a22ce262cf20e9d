package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayClient;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router through the deployed WAR, against the fake upstream failing as providers do: weighted picks,
 * retries on another deployment, the three fallback lists and the caller's own, LiteLLM's mock switches,
 * cooldowns (and their end), order, refused connections, timeouts, and streams that fail before or after
 * their first byte. Each test uses its own model groups (GatewayConfigFile.routerModels), since router state
 * lives as long as the deployed gateway.
 */
class RouterIT extends DeployedGatewayTestBase {
    private static final String RATE_LIMITED =
            "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";

    @Test
    void should_share_traffic_by_weight() {
        // when
        int requests = 400;
        for (int i = 0; i < requests; i++) {
            assertThatResponse(gateway.post("/v1/chat/completions", chat("router-weighted"))).hasStatus(200);
        }

        // then: weight 3 of 4 → 300 expected; σ = √(400·¾·¼) ≈ 8.7, so ±45 is over 5σ
        assertThat(requestsTo("rw-heavy")).isBetween(255L, 345L);
        assertThat(requestsTo("rw-light") + requestsTo("rw-heavy")).isEqualTo(requests);
    }

    @Test
    void should_retry_on_the_other_deployment_and_count_the_retries() {
        // given
        upstream.script("rr-a", Scenario.openAiError(500, "server_error", "The server had an error", null));
        int retried = 0;

        // when
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", withFields("router-retry", "\"num_retries\": 1"));

            // then
            assertThatResponse(response).hasStatus(200);
            assertThat(response.headers().firstValue("x-litellm-model-id")).contains("rr-b");
            retried += Integer.parseInt(response.headers().firstValue("x-litellm-attempted-retries").orElseThrow());
        }
        // every failure cost exactly one retry; more than allowed_fails (3) failures in a minute cooled rr-a down
        // (8: the per-minute count restarts if the test runs across a minute boundary)
        assertThat(requestsTo("rr-a")).isEqualTo(retried).isLessThanOrEqualTo(8);
        assertThat(requestsTo("rr-b")).isEqualTo(20);
        assertThat(upstream.requests()).allSatisfy(r -> assertThat(r.bodyJson().has("num_retries")).isFalse());
    }

    @Test
    void should_fall_back_to_the_configured_group_and_say_so_in_the_headers() {
        // given
        upstream.script("rp-primary", Scenario.openAiError(503, "server_error", "overloaded", null));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-primary"));

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(response.headers().firstValue("x-litellm-model-id")).contains("rp-backup");
        assertThat(response.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(response.headers().firstValue("x-litellm-attempted-retries")).contains("0");
        assertThat(requestsTo("rp-primary")).isEqualTo(1);
        assertThat(requestsTo("rp-backup")).isEqualTo(1);
    }

    @Test
    void should_use_the_context_window_and_content_policy_fallbacks_by_error_class() {
        // given
        upstream.script("rs-small", Scenario.openAiError(400, "invalid_request_error",
                "This model's maximum context length is 16385 tokens.", "context_length_exceeded"));
        upstream.script("rc-strict", Scenario.openAiError(400, "invalid_request_error",
                "Your request was rejected as a result of our safety system.", "content_policy_violation"));

        // when
        HttpResponse<String> window = gateway.post("/v1/chat/completions", chat("router-small"));
        HttpResponse<String> policy = gateway.post("/v1/chat/completions", chat("router-strict"));

        // then
        assertThatResponse(window).hasStatus(200);
        assertThat(window.headers().firstValue("x-litellm-model-id")).contains("rs-large");
        assertThatResponse(policy).hasStatus(200);
        assertThat(policy.headers().firstValue("x-litellm-model-id")).contains("rc-lenient");
    }

    @Test
    void should_use_the_callers_fallbacks() {
        // given: router-client has no configured fallbacks
        upstream.script("rcl-only", Scenario.openAiError(500, "server_error", "boom", null));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                withFields("router-client", "\"fallbacks\": [\"router-backup\"]"));

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(response.headers().firstValue("x-litellm-model-id")).contains("rp-backup");
        assertThat(upstream.requests()).allSatisfy(r -> assertThat(r.bodyJson().has("fallbacks")).isFalse());
    }

    @Test
    void should_honour_litellms_mock_testing_switches_without_calling_the_requested_group() {
        // when
        HttpResponse<String> fallbacks = gateway.post("/v1/chat/completions",
                withFields("router-primary", "\"mock_testing_fallbacks\": true"));
        HttpResponse<String> window = gateway.post("/v1/chat/completions",
                withFields("router-small", "\"mock_testing_context_window_fallbacks\": true"));
        HttpResponse<String> policy = gateway.post("/v1/chat/completions",
                withFields("router-strict", "\"mock_testing_content_policy_fallbacks\": true"));
        HttpResponse<String> limited = gateway.post("/v1/chat/completions",
                withFields("router-single", "\"mock_testing_rate_limit_error\": true"));

        // then
        assertThat(fallbacks.headers().firstValue("x-litellm-model-id")).contains("rp-backup");
        assertThat(window.headers().firstValue("x-litellm-model-id")).contains("rs-large");
        assertThat(policy.headers().firstValue("x-litellm-model-id")).contains("rc-lenient");
        assertThatResponse(limited).hasStatus(429).hasErrorType("rate_limit_error");
        assertThat(requestsTo("rp-primary") + requestsTo("rs-small") + requestsTo("rc-strict") + requestsTo("rsg-only"))
                .isZero();
        assertThat(upstream.requests()).hasSize(3).allSatisfy(r -> assertThat(r.body()).doesNotContain("mock_testing"));
    }

    @Test
    void should_answer_mock_response_without_any_upstream_call() {
        // when
        HttpResponse<String> answered = gateway.post("/v1/chat/completions",
                withFields("router-single", "\"mock_response\": \"This is a mock answer\""));
        StreamedResponse streamed = gateway.stream("/v1/chat/completions",
                withFields("router-single", "\"stream\": true, \"mock_response\": \"This is a mock answer\""));

        // then
        JsonNode body = assertThatResponse(answered).hasStatus(200).json();
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("This is a mock answer");
        assertThat(streamed.content()).isEqualTo("This is a mock answer");
        assertThat(streamed.data()).last().isEqualTo(StreamedResponse.DONE);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_send_no_traffic_to_a_cooled_down_deployment_until_the_cooldown_ends() throws Exception {
        // given: rcd-a answers 429; the first request that meets it cools it down (retried on rcd-b)
        upstream.script("rcd-a", Scenario.error(429, RATE_LIMITED));
        while (requestsTo("rcd-a") == 0) {
            assertThatResponse(gateway.post("/v1/chat/completions", withFields("router-cooldown", "\"num_retries\": 1")))
                    .hasStatus(200);
        }
        upstream.script("rcd-a", Scenario.ok());

        // when: within cooldown_time (2 s)
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-cooldown"));
            assertThat(response.headers().firstValue("x-litellm-model-id")).contains("rcd-b");
        }

        // then
        assertThat(requestsTo("rcd-a")).isEqualTo(1);

        // and after it
        Thread.sleep(2_200);
        for (int i = 0; i < 40; i++) {
            assertThatResponse(gateway.post("/v1/chat/completions", chat("router-cooldown"))).hasStatus(200);
        }
        assertThat(requestsTo("rcd-a")).isGreaterThan(1);
    }

    @Test
    void should_not_cool_down_a_groups_only_deployment_on_light_traffic() {
        // given
        upstream.script("rsg-only", Scenario.error(429, RATE_LIMITED, "Retry-After", "7"));
        HttpResponse<String> limited = gateway.post("/v1/chat/completions", chat("router-single"));
        upstream.script("rsg-only", Scenario.ok());

        // when
        HttpResponse<String> next = gateway.post("/v1/chat/completions", chat("router-single"));

        // then
        assertThatResponse(limited).hasStatus(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThatResponse(next).hasStatus(200);
    }

    @Test
    void should_refuse_with_no_deployments_available_and_retry_after_when_all_are_cooled_down() {
        // given: both deployments answer 429; one request (with a retry) meets and cools down both
        upstream.script("rx-a", Scenario.error(429, RATE_LIMITED));
        upstream.script("rx-b", Scenario.error(429, RATE_LIMITED));
        HttpResponse<String> first = gateway.post("/v1/chat/completions", withFields("router-exhausted", "\"num_retries\": 1"));

        // when
        HttpResponse<String> next = gateway.post("/v1/chat/completions", chat("router-exhausted"));

        // then
        assertThatResponse(first).hasStatus(429);
        assertThatResponse(next).hasStatus(429).hasErrorType("rate_limit_error")
                .hasErrorMessageContaining("No deployments available for selected model");
        assertThat(Integer.parseInt(next.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        assertThat(requestsTo("rx-a") + requestsTo("rx-b")).isEqualTo(2);
    }

    @Test
    void should_use_the_lowest_order_while_it_is_available_then_the_next() {
        // when
        for (int i = 0; i < 10; i++) {
            assertThat(gateway.post("/v1/chat/completions", chat("router-order")).headers()
                    .firstValue("x-litellm-model-id")).contains("ro-first");
        }
        upstream.script("ro-first", Scenario.error(429, RATE_LIMITED));
        HttpResponse<String> failedOver = gateway.post("/v1/chat/completions", withFields("router-order", "\"num_retries\": 1"));
        HttpResponse<String> whileCooling = gateway.post("/v1/chat/completions", chat("router-order"));

        // then
        assertThat(failedOver.headers().firstValue("x-litellm-model-id")).contains("ro-second");
        assertThat(whileCooling.headers().firstValue("x-litellm-model-id")).contains("ro-second");
        assertThat(requestsTo("ro-first")).isEqualTo(11);
    }

    @Test
    void should_answer_from_the_live_deployment_when_the_other_refuses_connections() {
        int retried = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", withFields("router-refused", "\"num_retries\": 1"));
            assertThatResponse(response).hasStatus(200);
            assertThat(response.headers().firstValue("x-litellm-model-id")).contains("rf-live");
            retried += Integer.parseInt(response.headers().firstValue("x-litellm-attempted-retries").orElseThrow());
        }
        // the refused deployment was met (and retried away from) at least once; chance of never: 2^-20
        assertThat(retried).isPositive();
    }

    @Test
    void should_time_out_after_the_callers_timeout_from_the_body_or_the_header() {
        // given: the deployment allows 30 s
        upstream.script("rsl-slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(6)));

        // when
        long started = System.nanoTime();
        HttpResponse<String> byBody = gateway.post("/v1/chat/completions", withFields("router-slow", "\"timeout\": 1"));
        long bodyMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        HttpResponse<String> byHeader = gateway.send(GatewayClient.withMasterKey(
                gateway.newPost("/v1/chat/completions", chat("router-slow")).header("x-litellm-timeout", "1")));
        long headerMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThatResponse(byBody).hasStatus(408).hasErrorType("timeout_error");
        assertThatResponse(byHeader).hasStatus(408).hasErrorType("timeout_error");
        assertThat(bodyMillis).isBetween(900L, 4_000L);
        assertThat(headerMillis).isBetween(900L, 4_000L);
        assertThat(upstream.requests()).allSatisfy(r -> assertThat(r.bodyJson().has("timeout")).isFalse());
    }

    @Test
    void should_retry_a_stream_that_stays_silent_before_its_first_byte_transparently() {
        // given: rst-a sends nothing for 3 s, past its stream_timeout of 1 s
        upstream.script("rst-a", Scenario.stream(3, Duration.ZERO).withDelayBeforeHeaders(Duration.ofSeconds(3)));
        upstream.script("rst-b", Scenario.stream(3, Duration.ZERO));

        // when: until the random pick has met the silent deployment at least once
        long deadline = System.nanoTime() + 20_000_000_000L;
        int streams = 0;
        while (streams < 2 || requestsTo("rst-a") == 0 && System.nanoTime() < deadline) {
            StreamedResponse stream = gateway.stream("/v1/chat/completions",
                    withFields("router-stream", "\"stream\": true, \"num_retries\": 1"));
            streams++;

            // then: a normal, complete stream from the deployment that answered
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("x-litellm-model-id")).contains("rst-b");
            assertThat(stream.hasErrorEvent()).isFalse();
            assertThat(stream.data()).last().isEqualTo(StreamedResponse.DONE);
        }
        assertThat(requestsTo("rst-a")).as("the silent deployment was tried").isPositive();
    }

    @Test
    void should_end_a_stream_that_breaks_after_its_first_byte_with_an_error_event() {
        // given
        upstream.script("rsg-only", Scenario.stream(6, Duration.ofMillis(10)).withDropAfterChunks(2));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions",
                withFields("router-single", "\"stream\": true, \"num_retries\": 2"));

        // then: content already reached the caller, so no retry; never a silent truncation
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentLines()).isNotEmpty();
        assertThat(stream.hasErrorEvent()).isTrue();
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
        assertThat(requestsTo("rsg-only")).isEqualTo(1);
    }

    @Test
    void should_end_a_stream_that_stalls_between_chunks_past_stream_timeout_with_an_error_event() {
        // given: a 3 s pause after the second chunk; stream_timeout is 1 s
        upstream.script("rsg-only", Scenario.stream(6, Duration.ofMillis(10)).withStallAfterChunks(2, Duration.ofSeconds(3)));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", withFields("router-single", "\"stream\": true"));

        // then
        assertThat(stream.contentLines()).isNotEmpty();
        assertThat(stream.hasErrorEvent()).isTrue();
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
    }

    private static String withFields(String model, String fields) {
        return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Say hello\"}], "
                + fields + "}";
    }

    private long requestsTo(String upstreamModel) {
        List<RecordedRequest> requests = upstream.requests();
        return requests.stream().filter(r -> upstreamModel.equals(r.bodyJson().path("model").asText())).count();
    }
}
