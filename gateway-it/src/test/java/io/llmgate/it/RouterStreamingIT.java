package io.llmgate.it;

import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.RandomPicks;
import io.llmgate.it.support.RouterControls;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.OpenAiFailures;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.llmgate.it.support.ChatRequests.chatWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams through the router: until its first event reaches the caller a stream can still be retried or fall
 * back, so a deployment that stays silent past {@code stream_timeout}, refuses the connection or fails is
 * replaced without the caller noticing; after it, a failure ends the stream with an error event, never with a
 * silent truncation and never with a second answer spliced in.
 */
class RouterStreamingIT extends DeployedGatewayTestBase {
    private static final int PICKS = 40;

    @AfterEach
    void no_router_control_reached_a_provider() {
        RouterControls.assertNoneReached(upstream);
    }

    @Test
    void should_retry_a_stream_whose_deployment_sends_no_headers_within_stream_timeout() {
        // given: rst-a sends nothing for 3 s, past its stream_timeout of 1 s
        upstream.script("rst-a", Scenario.stream(3, Duration.ZERO).withDelayBeforeHeaders(Duration.ofSeconds(3)));

        // when / then
        untilCalled("rst-a", () -> assertCompleteStreamFrom("rst-b", streamWithRetry("router-stream")));
    }

    @Test
    void should_retry_a_stream_that_opened_but_stayed_silent_past_stream_timeout() {
        // given: rst-a sends its status and headers, then no event for 3 s; stream_timeout is 1 s
        upstream.script("rst-a", Scenario.stream(3, Duration.ZERO).withDelayAfterHeaders(Duration.ofSeconds(3)));

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
    void should_fall_back_to_another_group_before_the_first_event() {
        // given
        upstream.script("rp-primary", OpenAiFailures.overloaded());

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions",
                chatWith("router-primary", "\"stream\": true"));

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

    @Test
    void should_end_a_stream_that_breaks_after_its_first_byte_with_an_error_event() {
        // given
        upstream.script("rsg-only", Scenario.stream(6, Duration.ofMillis(10)).withDropAfterChunks(2));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions",
                chatWith("router-single", "\"stream\": true, \"num_retries\": 2"));

        // then: content already reached the caller, so no retry; never a silent truncation
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentLines()).isNotEmpty();
        assertThat(stream.hasErrorEvent()).as(stream.body()).isTrue();
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
        assertThat(upstream.requestCount("rsg-only")).isEqualTo(1);
    }

    @Test
    void should_end_a_stream_that_stalls_between_chunks_past_stream_timeout_with_an_error_event() {
        // given: a 3 s pause after the second chunk; stream_timeout is 1 s
        upstream.script("rsg-only", Scenario.stream(6, Duration.ofMillis(10)).withStallAfterChunks(2, Duration.ofSeconds(3)));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", chatWith("router-single", "\"stream\": true"));

        // then
        assertThat(stream.contentLines()).isNotEmpty();
        assertThat(stream.hasErrorEvent()).as(stream.body()).isTrue();
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
        assertThat(stream.lines().get(stream.lines().size() - 1).atMillis()).as("ms until the stream ended")
                .isLessThan(2_900L);
    }

    private StreamedResponse streamWithRetry(String model) {
        return gateway.stream("/v1/chat/completions", chatWith(model, "\"stream\": true, \"num_retries\": 1"));
    }

    /** A normal, whole stream: every content event, no error event, {@code [DONE]} last, from {@code deployment}. */
    private static void assertCompleteStreamFrom(String deployment, StreamedResponse stream) {
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.header("x-litellm-model-id")).contains(deployment);
        assertThat(stream.hasErrorEvent()).as(stream.body()).isFalse();
        assertThat(stream.readFailure()).isNull();
        assertThat(stream.content()).as(stream.body()).isEqualTo(Scenario.DEFAULT_CONTENT);
        assertThat(stream.data()).last().isEqualTo(StreamedResponse.DONE);
    }

    private void untilCalled(String deployment, Runnable request) {
        RandomPicks.untilCalled(upstream, deployment, request);
    }
}
