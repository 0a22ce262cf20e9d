package io.llmgate.it;

import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.OpenAiFailures;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ChatRequests.chatWith;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the router recovers from the failures RouterIT does not script: a retry that never returns to the deployment
 * that just failed, a provider's Retry-After, a revoked key, a deployment timing out, LiteLLM's own name for the
 * context-window mock switch, and streams replaced before their first event (silent after their headers, failing,
 * refused). After every test, no router control sent in a body may have reached a provider.
 */
class RouterRecoveryIT extends DeployedGatewayTestBase {
    /** Body fields that steer the router, never the model: the gateway must take every one out. */
    private static final List<String> ROUTER_CONTROLS = List.of("num_retries", "fallbacks", "timeout",
            "mock_response", "mock_testing_fallbacks", "mock_testing_rate_limit_error", "mock_testing_context_fallbacks",
            "mock_testing_context_window_fallbacks", "mock_testing_content_policy_fallbacks");
    /** Requests after which a random pick between two has met each but for a 2^-40 chance. */
    private static final int PICKS = 40;
    /** How long a test may drive random picks to meet a deployment: a cooldown (2 s) an earlier test left must end. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @AfterEach
    void no_router_control_reached_a_provider() {
        assertThat(upstream.requests()).allSatisfy(request -> {
            List<String> fields = new ArrayList<>();
            request.bodyJson().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("fields sent to %s", request.model().orElse("?"))
                    .doesNotContainAnyElementsOf(ROUTER_CONTROLS);
        });
    }

    @Test
    void should_never_retry_on_the_deployment_that_just_failed() {
        // given: with two retries, a random re-pick would meet rr-a again in a quarter of its failures
        upstream.script("rr-a", OpenAiFailures.serverError());
        int retried = 0;

        // when
        for (int i = 0; i < 20; i++) {
            int failedBefore = upstream.requestCount("rr-a");
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-retry", "\"num_retries\": 2"));
            int failed = upstream.requestCount("rr-a") - failedBefore;

            // then: each failure cost exactly one retry, and the header says so per request
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rr-b");
            assertThat(failed).isBetween(0, 1);
            assertThat(attemptedRetries(response)).as("x-litellm-attempted-retries").isEqualTo(failed);
            retried += failed;
        }
        assertThat(retried).as("requests that met rr-a first (none: 2^-20)").isPositive();
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
    void should_cool_down_a_deployment_that_rejects_its_credentials() {
        // given: rau-a answers 401; the first request that meets it is retried on rau-b
        upstream.script("rau-a", OpenAiFailures.invalidApiKey());
        untilCalled("rau-a", () -> {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    chatWith("router-auth", "\"num_retries\": 1"));
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rau-b");
        });

        // when: 20 requests within cooldown_time (2 s)
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("router-auth"));
            assertThatResponse(response).hasStatus(200);
            assertThat(modelId(response)).isEqualTo("rau-b");
        }
        long burstMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(upstream.requestCount("rau-a")).as("calls to rau-a; the 20 requests took %d ms", burstMillis)
                .isEqualTo(1);
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
        // given: rto-slow (timeout: 1) answers after 3 s; retries are off (router_settings.num_retries: 0)
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
    void should_retry_a_stream_that_opened_but_stayed_silent_past_stream_timeout() {
        // given: rst-a sends its status and headers, then no event for 3 s; stream_timeout is 1 s
        upstream.script("rst-a", Scenario.ok().withDelayAfterHeaders(Duration.ofSeconds(3)));

        // when / then
        untilCalled("rst-a", () -> {
            int silentBefore = upstream.requestCount("rst-a");
            StreamedResponse stream = streamWithRetry("router-stream");
            boolean metTheSilentOne = upstream.requestCount("rst-a") > silentBefore;
            assertCompleteStreamFrom("rst-b", stream);
            assertThat(stream.header("x-litellm-attempted-retries")).contains(metTheSilentOne ? "1" : "0");
            if (metTheSilentOne) {
                assertThat(stream.contentLines().get(0).atMillis()).as("ms until the first content, %s", stream.body())
                        .isBetween(900L, 2_900L);
            }
        });
    }

    @Test
    void should_fall_back_to_another_group_before_a_streams_first_event() {
        // given
        upstream.script("rp-primary", OpenAiFailures.overloaded());

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", chatWith("router-primary", "\"stream\": true"));

        // then
        assertCompleteStreamFrom("rp-backup", stream);
        assertThat(stream.header("x-litellm-attempted-fallbacks")).contains("1");
        assertThat(upstream.requestCount("rp-primary")).isEqualTo(1);
        assertThat(upstream.requestCount("rp-backup")).isEqualTo(1);
    }

    @Test
    void should_stream_from_the_live_deployment_when_the_other_refuses_connections() {
        // when
        int retried = 0;
        for (int i = 0; i < PICKS; i++) {
            StreamedResponse stream = streamWithRetry("router-refused");

            // then
            assertCompleteStreamFrom("rf-live", stream);
            retried += Integer.parseInt(stream.header("x-litellm-attempted-retries").orElse("-1"));
        }
        assertThat(retried).as("streams that met the refusing deployment first").isPositive();
        assertThat(upstream.requestCount("rf-live")).isEqualTo(PICKS);
    }

    private StreamedResponse streamWithRetry(String model) {
        return gateway.stream("/v1/chat/completions", chatWith(model, "\"stream\": true, \"num_retries\": 1"));
    }

    /** A normal, whole stream from {@code deployment}: all the content, no error event, {@code [DONE]} last. */
    private static void assertCompleteStreamFrom(String deployment, StreamedResponse stream) {
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.header("x-litellm-model-id")).contains(deployment);
        assertThat(stream.hasErrorEvent()).as(stream.body()).isFalse();
        assertThat(stream.readFailure()).isNull();
        assertThat(stream.content()).as(stream.body()).isEqualTo(Scenario.DEFAULT_CONTENT);
        assertThat(stream.data()).last().isEqualTo(StreamedResponse.DONE);
    }

    /**
     * Runs {@code request} until the fake has received a call for {@code deployment}: a random pick between two
     * meets it within a few requests, or once a cooldown an earlier test left has ended.
     */
    private void untilCalled(String deployment, Runnable request) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (upstream.requestCount(deployment) == 0) {
            assertThat(System.nanoTime()).as("time left for a request to meet %s", deployment).isLessThan(deadline);
            request.run();
        }
    }

    private static String modelId(HttpResponse<String> response) {
        return response.headers().firstValue("x-litellm-model-id").orElse("<none>");
    }

    private static int attemptedRetries(HttpResponse<String> response) {
        return Integer.parseInt(response.headers().firstValue("x-litellm-attempted-retries").orElse("-1"));
    }
}
