package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayClient;
import io.llmgate.it.support.RandomPicks;
import io.llmgate.it.support.RouterControls;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.OpenAiFailures;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ChatRequests.chatWith;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router through the deployed WAR, against the fake upstream failing as providers do: weighted picks,
 * retries on another deployment, Retry-After, the three fallback lists and the caller's own, LiteLLM's mock
 * switches, cooldowns (and their end), order, refused connections and timeouts. Streams are RouterStreamingIT's.
 * Each test uses its own model groups (GatewayConfigFile.routerModels), since router state lives as long as the
 * deployed gateway; and no router control sent in a body may reach a provider.
 */
class RouterIT extends DeployedGatewayTestBase {
    private static final String RATE_LIMITED =
            "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
    /** Enough picks that a deployment of two chosen at random is picked at least once but for a 2^-40 chance. */
    private static final int PICKS = 40;

    @AfterEach
    void no_router_control_reached_a_provider() {
        RouterControls.assertNoneReached(upstream);
    }

    @Test
    void should_share_traffic_by_weight() {
        // when
        int requests = 400;
        int heavyAnswers = 0;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-weighted"));
            assertThatResponse(response).hasStatus(200);
            heavyAnswers += modelId(response).equals("rw-heavy") ? 1 : 0;
        }

        // then: weight 3 of 4 → 300 expected; σ = √(400·¾·¼) ≈ 8.7, so ±45 is over 5σ
        assertThat(upstream.requestCount("rw-heavy")).isBetween(255, 345).isEqualTo(heavyAnswers);
        assertThat(upstream.requestCount("rw-light") + upstream.requestCount("rw-heavy")).isEqualTo(requests);
    }

    @Test
    void should_retry_on_the_other_deployment_and_count_the_retries() {
        // given
        upstream.script("rr-a", OpenAiFailures.serverError());
        int retried = 0;

        // when
        for (int i = 0; i < 20; i++) {
            int failedBefore = upstream.requestCount("rr-a");
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-retry", "\"num_retries\": 2"));
            int failed = upstream.requestCount("rr-a") - failedBefore;

            // then: a retry never lands on the deployment that just failed, so one failure costs one retry
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rr-b");
            assertThat(failed).isBetween(0, 1);
            assertThat(attemptedRetries(response)).as("x-litellm-attempted-retries").isEqualTo(failed);
            retried += failed;
        }
        // rr-a was picked first at least once (or all 20 picks missed it: 2^-20); more than allowed_fails (3)
        // failures cooled it down
        assertThat(retried).isPositive();
        assertThat(upstream.requestCount("rr-a")).isEqualTo(retried).isLessThanOrEqualTo(4);
        assertThat(upstream.requestCount("rr-b")).isEqualTo(20);
    }

    @Test
    void should_wait_out_the_retry_after_of_a_lone_rate_limited_deployment_before_retrying_it() {
        // given: router-single's only deployment answers 429 with Retry-After: 1 once, then recovers
        upstream.failFirst("rsg-only", 1, OpenAiFailures.rateLimited(1));

        // when
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                chatWith("router-single", "\"num_retries\": 1"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(modelId(response)).isEqualTo("rsg-only");
        assertThat(attemptedRetries(response)).isEqualTo(1);
        assertThat(millis).as("ms until answered; the provider asked for 1 s").isBetween(1_000L, 5_000L);
        assertThat(upstream.requestCount("rsg-only")).isEqualTo(2);
    }

    @Test
    void should_fall_back_to_the_configured_group_and_say_so_in_the_headers() {
        // given
        upstream.script("rp-primary", Scenario.openAiError(503, "server_error", "overloaded", null));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-primary"));

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(modelId(response)).isEqualTo("rp-backup");
        assertThat(response.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(response.headers().firstValue("x-litellm-attempted-retries")).contains("0");
        assertThat(upstream.requestCount("rp-primary")).isEqualTo(1);
        assertThat(upstream.requestCount("rp-backup")).isEqualTo(1);
    }

    @Test
    void should_use_the_context_window_and_content_policy_fallbacks_by_error_class() {
        // given
        upstream.script("rs-small", OpenAiFailures.contextLengthExceeded());
        upstream.script("rc-strict", OpenAiFailures.contentPolicyViolation());

        // when
        HttpResponse<String> window = gateway.post("/v1/chat/completions", chat("router-small"));
        HttpResponse<String> policy = gateway.post("/v1/chat/completions", chat("router-strict"));

        // then
        assertThatResponse(window).hasStatus(200);
        assertThat(modelId(window)).isEqualTo("rs-large");
        assertThat(window.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThatResponse(policy).hasStatus(200);
        assertThat(modelId(policy)).isEqualTo("rc-lenient");
        assertThat(policy.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(List.of("rs-small", "rs-large", "rc-strict", "rc-lenient"))
                .allSatisfy(deployment -> assertThat(upstream.requestCount(deployment)).as(deployment).isEqualTo(1));
    }

    @Test
    void should_use_the_callers_fallbacks() {
        // given: router-client has no configured fallbacks
        upstream.script("rcl-only", Scenario.openAiError(500, "server_error", "boom", null));
        HttpResponse<String> withoutFallbacks = gateway.post("/v1/chat/completions", chat("router-client"));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                chatWith("router-client", "\"fallbacks\": [\"router-backup\"]"));

        // then
        assertThatResponse(withoutFallbacks).hasStatusIn(500, 502, 503).hasOpenAiErrorBody();
        assertThatResponse(response).hasStatus(200);
        assertThat(modelId(response)).isEqualTo("rp-backup");
        assertThat(response.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(upstream.requestCount("rcl-only")).isEqualTo(2);
        assertThat(upstream.requestCount("rp-backup")).isEqualTo(1);
    }

    @Test
    void should_honour_litellms_mock_testing_switches_without_calling_the_requested_group() {
        // when
        HttpResponse<String> fallbacks = gateway.post("/v1/chat/completions",
                chatWith("router-primary", "\"mock_testing_fallbacks\": true"));
        HttpResponse<String> window = gateway.post("/v1/chat/completions",
                chatWith("router-small", "\"mock_testing_context_window_fallbacks\": true"));
        HttpResponse<String> policy = gateway.post("/v1/chat/completions",
                chatWith("router-strict", "\"mock_testing_content_policy_fallbacks\": true"));
        HttpResponse<String> limited = gateway.post("/v1/chat/completions",
                chatWith("router-single", "\"mock_testing_rate_limit_error\": true"));

        // then
        assertThat(modelId(fallbacks)).isEqualTo("rp-backup");
        assertThat(modelId(window)).isEqualTo("rs-large");
        assertThat(modelId(policy)).isEqualTo("rc-lenient");
        assertThatResponse(limited).hasStatus(429).hasErrorType("rate_limit_error");
        assertThat(upstream.requestCount("rp-primary") + upstream.requestCount("rs-small")
                + upstream.requestCount("rc-strict") + upstream.requestCount("rsg-only")).isZero();
        assertThat(upstream.requests()).hasSize(3);
    }

    @Test
    void should_accept_litellms_own_name_for_the_context_window_mock_switch() {
        // when: LiteLLM's Router reads mock_testing_context_fallbacks (router.py, async_function_with_fallbacks)
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                chatWith("router-small", "\"mock_testing_context_fallbacks\": true"));

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(modelId(response)).isEqualTo("rs-large");
        assertThat(response.headers().firstValue("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(upstream.requestCount("rs-small")).isZero();
    }

    @Test
    void should_answer_mock_response_without_any_upstream_call() {
        // when
        HttpResponse<String> answered = gateway.post("/v1/chat/completions",
                chatWith("router-single", "\"mock_response\": \"This is a mock answer\""));
        StreamedResponse streamed = gateway.stream("/v1/chat/completions",
                chatWith("router-single", "\"stream\": true, \"mock_response\": \"This is a mock answer\""));

        // then
        JsonNode body = assertThatResponse(answered).hasStatus(200).json();
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("This is a mock answer");
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.content()).isEqualTo("This is a mock answer");
        assertThat(streamed.hasErrorEvent()).isFalse();
        assertThat(streamed.data()).last().isEqualTo(StreamedResponse.DONE);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_send_no_traffic_to_a_cooled_down_deployment_until_the_cooldown_ends() throws Exception {
        // given: rcd-a answers 429; the first request that meets it cools it down (retried on rcd-b)
        upstream.script("rcd-a", Scenario.error(429, RATE_LIMITED));
        untilCalled("rcd-a", () -> assertThatResponse(gateway.post("/v1/chat/completions",
                chatWith("router-cooldown", "\"num_retries\": 1"))).hasStatus(200));
        upstream.script("rcd-a", Scenario.ok());

        // when: within cooldown_time (2 s)
        long burstMillis = burst(20, "router-cooldown", response -> assertThat(modelId(response)).isEqualTo("rcd-b"));

        // then
        assertThat(upstream.requestCount("rcd-a")).as("calls to rcd-a; the 20 requests took %d ms", burstMillis)
                .isEqualTo(1);

        // and after it
        Thread.sleep(2_200);
        for (int i = 0; i < PICKS; i++) {
            assertThatResponse(gateway.post("/v1/chat/completions", chat("router-cooldown"))).hasStatus(200);
        }
        assertThat(upstream.requestCount("rcd-a")).isGreaterThan(1);
    }

    @Test
    void should_cool_down_a_deployment_that_rejects_its_credentials() {
        // given: rau-a answers 401; the first request that meets it is retried on rau-b
        upstream.script("rau-a", OpenAiFailures.invalidApiKey());
        untilCalled("rau-a", () -> {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-auth", "\"num_retries\": 1"));
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rau-b");
        });

        // when: within cooldown_time (2 s)
        long burstMillis = burst(20, "router-auth", response -> assertThat(modelId(response)).isEqualTo("rau-b"));

        // then
        assertThat(upstream.requestCount("rau-a")).as("calls to rau-a; the 20 requests took %d ms", burstMillis)
                .isEqualTo(1);
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
        assertThatResponse(limited).hasStatus(429).hasErrorMessageContaining("Rate limit reached");
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThatResponse(next).hasStatus(200);
        assertThat(modelId(next)).isEqualTo("rsg-only");
    }

    @Test
    void should_refuse_with_no_deployments_available_and_retry_after_when_all_are_cooled_down() {
        // given: both deployments answer 429; one request (with a retry) meets and cools down both
        upstream.script("rx-a", Scenario.error(429, RATE_LIMITED));
        upstream.script("rx-b", Scenario.error(429, RATE_LIMITED));
        HttpResponse<String> first = gateway.post("/v1/chat/completions",
                chatWith("router-exhausted", "\"num_retries\": 1"));

        // when
        HttpResponse<String> next = gateway.post("/v1/chat/completions", chat("router-exhausted"));

        // then
        assertThatResponse(first).hasStatus(429);
        assertThatResponse(next).hasStatus(429).hasErrorType("rate_limit_error")
                .hasErrorMessageContaining("No deployments available for selected model");
        assertThat(Integer.parseInt(next.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        assertThat(upstream.requestCount("rx-a") + upstream.requestCount("rx-b")).isEqualTo(2);
    }

    @Test
    void should_use_the_lowest_order_while_it_is_available_then_the_next() {
        // when
        for (int i = 0; i < 10; i++) {
            assertThat(modelId(gateway.post("/v1/chat/completions", chat("router-order")))).isEqualTo("ro-first");
        }
        upstream.script("ro-first", Scenario.error(429, RATE_LIMITED));
        HttpResponse<String> failedOver = gateway.post("/v1/chat/completions",
                chatWith("router-order", "\"num_retries\": 1"));
        HttpResponse<String> whileCooling = gateway.post("/v1/chat/completions", chat("router-order"));

        // then
        assertThat(modelId(failedOver)).isEqualTo("ro-second");
        assertThat(attemptedRetries(failedOver)).isEqualTo(1);
        assertThat(modelId(whileCooling)).isEqualTo("ro-second");
        assertThat(upstream.requestCount("ro-first")).isEqualTo(11);
    }

    @Test
    void should_answer_from_the_live_deployment_when_the_other_refuses_connections() {
        // when
        int retried = 0;
        for (int i = 0; i < PICKS; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-refused", "\"num_retries\": 1"));

            // then
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rf-live");
            assertThat(attemptedRetries(response)).isBetween(0, 1);
            retried += attemptedRetries(response);
        }
        assertThat(retried).as("requests that met the refusing deployment first").isPositive();
        assertThat(upstream.requestCount("rf-live")).isEqualTo(PICKS);
    }

    @Test
    void should_retry_a_deployment_that_exceeds_its_timeout_on_the_other_one() {
        // given: rto-slow (timeout: 1) answers after 3 s
        upstream.script("rto-slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(3)));

        // when / then
        untilCalled("rto-slow", () -> {
            int slowBefore = upstream.requestCount("rto-slow");
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-timeout", "\"num_retries\": 1"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            boolean metTheSlowOne = upstream.requestCount("rto-slow") > slowBefore;
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rto-fast");
            assertThat(attemptedRetries(response)).isEqualTo(metTheSlowOne ? 1 : 0);
            if (metTheSlowOne) {
                assertThat(millis).as("ms until answered after a 1 s timeout").isBetween(900L, 2_900L);
            }
        });
    }

    @Test
    void should_answer_408_when_a_deployment_times_out_and_no_retry_is_left() {
        // given: rto-slow (timeout: 1) answers after 3 s; retries are off (num_retries: 0)
        upstream.script("rto-slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(3)));
        List<HttpResponse<String>> timedOut = new ArrayList<>();

        // when
        untilCalled("rto-slow", () -> {
            int slowBefore = upstream.requestCount("rto-slow");
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-timeout"));
            if (upstream.requestCount("rto-slow") > slowBefore) {
                timedOut.add(response);
            } else {
                assertThat(modelId(response)).isEqualTo("rto-fast");
            }
        });

        // then
        assertThat(timedOut).singleElement()
                .satisfies(response -> assertThatResponse(response).hasStatus(408).hasErrorType("timeout_error"));
    }

    @Test
    void should_time_out_after_the_callers_timeout_from_the_body_or_the_header() {
        // given: the deployment allows 30 s
        upstream.script("rsl-slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(6)));

        // when
        long started = System.nanoTime();
        HttpResponse<String> byBody = gateway.post("/v1/chat/completions", chatWith("router-slow", "\"timeout\": 1"));
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
    }

    /** Sends {@code count} plain requests for {@code model}, one after the other; returns how long they took. */
    private long burst(int count, String model, Consumer<HttpResponse<String>> check) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat(model));
            assertThatResponse(response).hasStatus(200);
            check.accept(response);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void untilCalled(String deployment, Runnable request) {
        RandomPicks.untilCalled(upstream, deployment, request);
    }

    private static String modelId(HttpResponse<String> response) {
        return response.headers().firstValue("x-litellm-model-id").orElse("<none>");
    }

    private static int attemptedRetries(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("x-litellm-attempted-retries").orElse("-1"));
    }

}
