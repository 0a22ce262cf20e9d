package io.llmgate.core.pipeline;

import io.llmgate.core.health.EndpointHealth;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.LoopbackTest;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The health check's one call, against the fake OpenAI upstream on loopback. */
class HealthProbeTest extends LoopbackTest {

    @Test
    void should_find_a_chat_deployment_healthy_after_one_chat_call_for_one_token() throws Exception {
        // given
        Deployment deployment = deployment("probe-chat", "");

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(health.verdict()).isEqualTo(EndpointHealth.Verdict.HEALTHY);
        assertThat(health.error()).isEmpty();
        RecordedRequest sent = requestsFor("probe-chat").get(0);
        assertThat(requestsFor("probe-chat")).hasSize(1);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.bodyJson().path("max_tokens").asInt()).isEqualTo(1);
        assertThat(sent.bodyJson().path("messages")).hasSize(1);
        assertThat(sent.bodyJson().path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void should_check_an_embedding_deployment_with_an_embeddings_call() throws Exception {
        // given
        Deployment deployment = deployment("probe-embed", "model_info: { mode: embedding }");

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(health.healthy()).isTrue();
        assertThat(requestsFor("probe-embed")).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/v1/embeddings"));
    }

    @Test
    void should_find_a_deployment_unhealthy_with_the_gateways_error_when_the_provider_fails() throws Exception {
        // given
        upstream.script("probe-broken", Scenario.openAiError(500, "server_error", "The model is overloaded", null));
        Deployment deployment = deployment("probe-broken", "");

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(health.verdict()).isEqualTo(EndpointHealth.Verdict.UNHEALTHY);
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error).contains("The model is overloaded"));
        assertThat(requestsFor("probe-broken")).as("no retry").hasSize(1);
    }

    @Test
    void should_find_a_deployment_unhealthy_when_nothing_listens_at_its_api_base() throws Exception {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: closed
                    litellm_params: { model: openai/closed, api_base: "http://127.0.0.1:%d/v1" }
                """.formatted(closedPort()));

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(health.verdict()).isEqualTo(EndpointHealth.Verdict.UNHEALTHY);
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error).contains("connection refused"));
    }

    @Test
    void should_give_up_on_a_deployment_that_answers_later_than_its_health_check_timeout() throws Exception {
        // given
        upstream.script("probe-slow", Scenario.delayBeforeHeaders(Duration.ofSeconds(5)));
        Deployment deployment = deployment("probe-slow", "model_info: { health_check_timeout: 0.3 }");
        long started = System.nanoTime();

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(health.verdict()).isEqualTo(EndpointHealth.Verdict.UNHEALTHY);
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error).contains("timed out after 300ms"));
    }

    @Test
    void should_make_no_call_for_a_deployment_it_cannot_check() throws Exception {
        // given
        Deployment deployment = deployment("probe-rerank", "model_info: { mode: rerank }");

        // when
        EndpointHealth health = probe(deployment);

        // then
        assertThat(health.verdict()).isEqualTo(EndpointHealth.Verdict.NOT_CHECKABLE);
        assertThat(requestsFor("probe-rerank")).isEmpty();
    }

    private static EndpointHealth probe(Deployment deployment) throws Exception {
        return new HealthProbe(client, 1L << 20).probe(deployment).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A deployment of the fake upstream whose upstream model is {@code model}, with more entry lines. */
    private static Deployment deployment(String model, String moreLines) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: %1$s
                    litellm_params: { model: openai/%1$s, api_base: "%2$s" }
                    %3$s
                """.formatted(model, upstream.baseUrl(), moreLines));
    }

    private static List<RecordedRequest> requestsFor(String model) {
        return upstream.requests().stream().filter(r -> model.equals(r.bodyJson().path("model").asText())).toList();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
