package io.llmgate.core.upstream;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.testkit.upstream.Scenario;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UpstreamFailuresTest extends LoopbackTest {
    private static final Deployment OFFLINE = ConfigFiles.deployment("""
            model_list:
              - model_name: m
                litellm_params: { model: openai/gpt-4o, api_base: "http://10.1.2.3:8443/secret/path/v1", timeout: 30, stream_timeout: 2.5 }
            """);

    @Test
    void should_report_a_refused_connection_as_a_retriable_502_naming_provider_and_host_but_not_the_path()
            throws Exception {
        // given: a port nobody listens on any more
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Deployment deployment = deployment("refused", "http://127.0.0.1:" + closedPort + "/private/v1", "");

        // when
        Throwable failure = failureOf(Exchanges.answer(client, deployment, Exchanges.chat("refused", false), 1 << 20));
        GatewayException error = UpstreamFailures.classify(failure, deployment, false);

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.type()).isEqualTo(ErrorType.API_CONNECTION);
        assertThat(error.retriable()).isTrue();
        assertThat(error.provider()).isEqualTo("openai");
        assertThat(error.model()).isEqualTo("refused");
        assertThat(error).hasMessage("Could not connect to openai at http://127.0.0.1:" + closedPort + " (connection refused)");
        assertThat(error.getMessage()).doesNotContain("/private");
    }

    @Test
    void should_report_an_answer_slower_than_the_timeout_as_a_retriable_408() throws Exception {
        // given
        upstream.script("slow-headers", Scenario.delayBeforeHeaders(Duration.ofMillis(1500)));
        Deployment deployment = deployment("slow-headers", upstream.baseUrl(), ", timeout: 0.3");

        // when
        Throwable failure = failureOf(Exchanges.answer(client, deployment, Exchanges.chat("slow-headers", false), 1 << 20));
        GatewayException error = UpstreamFailures.classify(failure, deployment, false);

        // then
        assertThat(error.status()).isEqualTo(408);
        assertThat(error.type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessage("Request to openai at http://127.0.0.1:" + upstream.port() + " timed out after 300ms");
    }

    @Test
    void should_fail_a_stream_that_stalls_longer_than_the_stream_timeout_with_a_408_inside_the_stream()
            throws Exception {
        // given
        upstream.script("stalling", Scenario.stallAfterChunks(2, Duration.ofMillis(2000)));
        Deployment deployment = deployment("stalling", upstream.baseUrl(), ", timeout: 10, stream_timeout: 0.3");

        // when
        EventStream events = Exchanges.stream(client, deployment, Exchanges.chat("stalling", true), 64 * 1024)
                .get(5, TimeUnit.SECONDS);
        int delivered = 0;
        Throwable thrown = null;
        try {
            while (events.next() != null) {
                delivered++;
            }
        } catch (GatewayException e) {
            thrown = e;
        }

        // then: the role chunk and two content chunks arrived, then the stall ended the stream
        assertThat(delivered).isEqualTo(3);
        assertThat(thrown).isInstanceOf(GatewayException.class);
        GatewayException error = (GatewayException) thrown;
        assertThat(error.status()).isEqualTo(408);
        assertThat(error.type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(error.getMessage()).endsWith("timed out after 300ms waiting for the stream");
        assertThat(events.completion().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void should_report_an_answer_over_the_size_limit_as_a_non_retriable_502() throws Exception {
        // given
        Deployment deployment = deployment("big", upstream.baseUrl(), "");

        // when
        Throwable failure = failureOf(Exchanges.answer(client, deployment, Exchanges.chat("big", false), 100));
        GatewayException error = UpstreamFailures.classify(failure, deployment, false);

        // then
        assertThat(failure).isInstanceOf(BufferingConsumer.ResponseTooLargeException.class);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM);
        assertThat(error.retriable()).isFalse();
        assertThat(error.getMessage()).contains("exceeded max_response_size_mb");
    }

    @Test
    void should_return_a_gateway_exception_unchanged() {
        // given
        GatewayException known = new GatewayException(ErrorType.RATE_LIMIT, "already classified");

        // when / then
        assertThat(UpstreamFailures.classify(known, OFFLINE, false)).isSameAs(known);
    }

    @Test
    void should_classify_a_connect_timeout_as_a_retriable_503() {
        // when
        GatewayException error = UpstreamFailures.classify(new ConnectTimeoutException("connect timed out"), OFFLINE, false);

        // then
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.type()).isEqualTo(ErrorType.API_CONNECTION);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessage("Could not connect to openai at http://10.1.2.3:8443 (connect timeout)");
    }

    @Test
    void should_name_the_limit_that_expired_for_answers_and_streams() {
        // when
        GatewayException answer = UpstreamFailures.classify(new SocketTimeoutException("x"), OFFLINE, false);
        GatewayException stream = UpstreamFailures.classify(new SocketTimeoutException("x"), OFFLINE, true);

        // then
        assertThat(answer).hasMessage("Request to openai at http://10.1.2.3:8443 timed out after 30s");
        assertThat(stream).hasMessage("Request to openai at http://10.1.2.3:8443 timed out after 2500ms waiting for the stream");
    }

    @Test
    void should_classify_refused_connections_from_either_exception_type() {
        // when
        GatewayException fromClient = UpstreamFailures.classify(new HttpHostConnectException("refused"), OFFLINE, false);
        GatewayException fromJdk = UpstreamFailures.classify(new ConnectException("refused"), OFFLINE, false);

        // then
        assertThat(fromClient.status()).isEqualTo(502);
        assertThat(fromClient.getMessage()).endsWith("(connection refused)");
        assertThat(fromJdk.getMessage()).isEqualTo(fromClient.getMessage());
    }

    @Test
    void should_classify_an_unknown_host() {
        // when
        GatewayException error = UpstreamFailures.classify(new UnknownHostException("10.1.2.3"), OFFLINE, false);

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessage("Could not resolve the host of openai at http://10.1.2.3:8443");
    }

    @Test
    void should_classify_an_early_end_of_the_answer_as_retriable() {
        // when
        GatewayException ended = UpstreamFailures.classify(new StreamingConsumer.StreamEndedEarlyException(true), OFFLINE, true);
        GatewayException closed = UpstreamFailures.classify(new ConnectionClosedException(), OFFLINE, false);

        // then
        assertThat(ended.status()).isEqualTo(502);
        assertThat(ended.retriable()).isTrue();
        assertThat(ended.getMessage()).contains("ended unexpectedly");
        assertThat(closed.getMessage()).isEqualTo(ended.getMessage());
    }

    @Test
    void should_classify_a_cancelled_call_as_not_retriable() {
        // when
        GatewayException error = UpstreamFailures.classify(new CancellationException(), OFFLINE, true);

        // then
        assertThat(error.status()).isEqualTo(499);
        assertThat(error.retriable()).isFalse();
    }

    @Test
    void should_not_repeat_the_text_of_an_unknown_failure() {
        // given: transport messages can carry URLs with credentials or queries
        IOException failure = new IOException("GET http://user:sk-in-url@10.1.2.3:8443/secret/path?key=abc failed");

        // when
        GatewayException error = UpstreamFailures.classify(failure, OFFLINE, false);

        // then
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessage("Connection to openai at http://10.1.2.3:8443 failed (IOException)");
        assertThat(error.getCause()).isSameAs(failure);
    }

    private static Deployment deployment(String model, String apiBase, String extraParams) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: %s
                    litellm_params: { model: openai/%s, api_base: "%s"%s }
                """.formatted(model, model, apiBase, extraParams));
    }

    private static Throwable failureOf(java.util.concurrent.CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        return thrown.getCause();
    }
}
