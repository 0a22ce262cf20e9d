package io.llmgate.web.inference;

import io.llmgate.core.auth.Caller;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.web.Deployments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceResponsesTest {
    private static final Deployment DEPLOYMENT = Deployments.of("chat", "openai/gpt-4o", "deployment-7");

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
            "0, 0.000",
            "999, 0.000",
            "5000, 0.005",
            "42000, 0.042",
            "412000, 0.412",
            "1234567, 1.234",
            "12345678901, 12345.678"})
    void should_write_milliseconds_with_three_decimals(long nanos, String expected) {
        // then
        assertThat(InferenceResponses.millis(nanos)).isEqualTo(expected);
    }

    @Test
    void should_answer_with_the_body_and_litellms_headers() throws Exception {
        // given: received 50 ms ago, of which the provider took 30 ms
        byte[] body = "{\"id\":\"chatcmpl-1\"}".getBytes(StandardCharsets.UTF_8);
        InferenceCall call = call(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50));
        CallOutcome.Answered outcome = new CallOutcome.Answered(DEPLOYMENT, TimeUnit.MILLISECONDS.toNanos(30),
                "application/json", body);
        ServletExchange exchange = ServletExchange.post("/v1/chat/completions", "");

        // when
        InferenceResponses.answered(exchange.response(), call, outcome);

        // then
        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.body.toByteArray()).isEqualTo(body);
        assertThat(exchange.contentType).isEqualTo("application/json");
        assertThat(exchange.contentLength).isEqualTo(body.length);
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-model-id", "deployment-7")
                .containsEntry("x-litellm-model-group", "chat");
        BigDecimal total = new BigDecimal(exchange.responseHeaders.get("x-litellm-response-duration-ms"));
        BigDecimal overhead = new BigDecimal(exchange.responseHeaders.get("x-litellm-overhead-duration-ms"));
        assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("50"));
        assertThat(overhead).isGreaterThanOrEqualTo(new BigDecimal("20")).isEqualByComparingTo(total.subtract(new BigDecimal("30")));
    }

    @Test
    void should_report_the_retries_and_fallbacks_it_took() throws Exception {
        // given
        CallOutcome outcome = new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", new byte[] {'{', '}'})
                .after(new CallOutcome.Attempts(2, 1));
        ServletExchange exchange = ServletExchange.post("/v1/chat/completions", "");

        // when
        InferenceResponses.answered(exchange.response(), call(System.nanoTime()), (CallOutcome.Answered) outcome);

        // then
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-attempted-retries", "2")
                .containsEntry("x-litellm-attempted-fallbacks", "1");
    }

    @Test
    void should_never_report_a_negative_overhead() throws Exception {
        // given: the provider time is (wrongly) longer than the total
        InferenceCall call = call(System.nanoTime());
        CallOutcome.Answered outcome = new CallOutcome.Answered(DEPLOYMENT, TimeUnit.SECONDS.toNanos(5), "application/json",
                new byte[0]);
        ServletExchange exchange = ServletExchange.post("/v1/chat/completions", "");

        // when
        InferenceResponses.answered(exchange.response(), call, outcome);

        // then
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-overhead-duration-ms", "0.000");
    }

    @Test
    void should_stream_as_uncached_unbuffered_server_sent_events() {
        // given
        EventStream events = new EventStream(1024);
        events.finish();
        CallOutcome.Streaming outcome = new CallOutcome.Streaming(DEPLOYMENT, 1, events);
        ServletExchange exchange = ServletExchange.post("/v1/chat/completions", "");

        // when
        InferenceResponses.stream(exchange.response(), call(System.nanoTime()), outcome, SseFraming.OPENAI);

        // then
        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.contentType).isEqualTo("text/event-stream");
        assertThat(exchange.responseHeaders).containsEntry("Cache-Control", "no-cache")
                .containsEntry("X-Accel-Buffering", "no").containsEntry("x-litellm-model-id", "deployment-7");
        assertThat(exchange.contentLength).isEqualTo(-1);
        assertThat(exchange.bodyText()).isEqualTo("data: [DONE]\n\n");
    }

    private static InferenceCall call(long receivedNanos) {
        return new InferenceCall("call-1", Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8)),
                receivedNanos);
    }
}
