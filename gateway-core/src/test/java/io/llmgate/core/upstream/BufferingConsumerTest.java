package io.llmgate.core.upstream;

import io.llmgate.core.json.Json;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.testkit.upstream.Scenario;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class BufferingConsumerTest extends LoopbackTest {

    @Test
    void should_collect_a_large_answer_delivered_in_many_pieces() throws Exception {
        // given
        String content = "0123456789".repeat(50_000);
        upstream.script("large", Scenario.content(content));

        // when
        UpstreamReply reply = Exchanges.answer(client, deployment("large"), Exchanges.chat("large", false), 10L << 20)
                .get(10, TimeUnit.SECONDS);

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.isSuccess()).isTrue();
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(Json.mapper().readTree(reply.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(content);
    }

    @Test
    void should_accept_an_answer_of_exactly_the_limit_and_fail_one_byte_below_it() throws Exception {
        // given: the size of the answer, measured once
        upstream.script("exact", Scenario.content("fixed size answer"));
        Deployment deployment = deployment("exact");
        int size = Exchanges.answer(client, deployment, Exchanges.chat("exact", false), 1L << 20)
                .get(10, TimeUnit.SECONDS).body().length;

        // when
        UpstreamReply atLimit = Exchanges.answer(client, deployment, Exchanges.chat("exact", false), size)
                .get(10, TimeUnit.SECONDS);
        Throwable belowLimit = catchThrowable(() -> Exchanges.answer(client, deployment, Exchanges.chat("exact", false),
                size - 1).get(10, TimeUnit.SECONDS));

        // then
        assertThat(atLimit.body()).hasSize(size);
        assertThat(belowLimit).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BufferingConsumer.ResponseTooLargeException.class);
    }

    @Test
    void should_keep_the_status_and_body_of_an_error_answer() throws Exception {
        // given
        upstream.script("broken", Scenario.error(503, "{\"error\":{\"message\":\"overloaded\"}}"));

        // when
        UpstreamReply reply = Exchanges.answer(client, deployment("broken"), Exchanges.chat("broken", false), 1L << 20)
                .get(10, TimeUnit.SECONDS);

        // then
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.isSuccess()).isFalse();
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":{\"message\":\"overloaded\"}}");
    }

    private static Deployment deployment(String model) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: %s
                    litellm_params: { model: openai/%s, api_base: "%s" }
                """.formatted(model, model, upstream.baseUrl()));
    }
}
