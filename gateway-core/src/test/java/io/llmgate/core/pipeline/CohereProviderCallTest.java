package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.cohere.FakeCohere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cohere adapter through the real upstream client against the fake Cohere on loopback. */
class CohereProviderCallTest {
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]%s}";
    private static FakeCohere cohere;
    private static UpstreamClient client;
    private static Attempts attempts;
    private static Deployment deployment;

    @BeforeAll
    static void start() {
        cohere = FakeCohere.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
        attempts = new Attempts(client);
        deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: cohere/command-r-plus, api_base: "%s", api_key: co-key, timeout: 10 }
                """.formatted(cohere.apiBase()));
    }

    @AfterAll
    static void stop() {
        client.close();
        cohere.close();
    }

    @BeforeEach
    void reset() {
        cohere.reset();
    }

    @Test
    void should_answer_a_chat_through_v2_chat() {
        // given
        cohere.script("command-r-plus", new Reply.Text("Hi there.", 11, 4, 2));

        // when
        JsonNode answer = attempts.answer(deployment, Attempts.chat(CHAT.formatted(",\"top_p\":0.5")));

        // then
        assertThat(answer.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hi there.");
        assertThat(answer.path("usage").path("prompt_tokens").asInt()).isEqualTo(11);
        assertThat(cohere.requests().get(0).path()).isEqualTo("/v2/chat");
        assertThat(cohere.requests().get(0).header("Authorization")).contains("Bearer co-key");
        assertThat(cohere.requests().get(0).bodyJson().path("p").asDouble()).isEqualTo(0.5);
    }

    @Test
    void should_stream_a_tool_call() throws InterruptedException {
        // given
        cohere.script("command-r-plus", Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

        // when
        List<JsonNode> chunks = attempts.chunks(deployment, Attempts.chat(CHAT.formatted(",\"stream\":true")));

        // then
        StringBuilder arguments = new StringBuilder();
        chunks.forEach(c -> arguments.append(c.path("choices").path(0).path("delta").path("tool_calls").path(0)
                .path("function").path("arguments").asText("")));
        assertThat(arguments).hasToString("{\"city\":\"Paris\"}");
        assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void should_embed_through_v2_embed() {
        // given
        cohere.script("command-r-plus", new Reply.Embedding(3, 2));

        // when
        JsonNode answer = attempts.answer(deployment, Attempts.embeddings("{\"model\":\"m\",\"input\":[\"a\",\"b\"]}"));

        // then
        assertThat(answer.path("data")).hasSize(2);
        assertThat(answer.path("usage").path("prompt_tokens").asInt()).isEqualTo(2);
        assertThat(cohere.requests().get(0).path()).isEqualTo("/v2/embed");
    }

    @Test
    void should_report_a_context_window_error() {
        // given
        cohere.script("command-r-plus", Reply.failure(FailureKind.CONTEXT_WINDOW_EXCEEDED));

        // when
        GatewayException error = attempts.failure(deployment, Attempts.chat(CHAT.formatted("")));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.CONTEXT_WINDOW_EXCEEDED);
    }

    @Test
    void should_refuse_an_unsupported_parameter_before_calling_and_drop_it_on_request() {
        // when
        GatewayException refused = attempts.failure(deployment, Attempts.chat(CHAT.formatted(",\"logprobs\":true")));
        attempts.answer(deployment, Attempts.chat(CHAT.formatted(",\"logprobs\":true,\"drop_params\":true")));

        // then
        assertThat(refused.getMessage()).contains("cohere does not support parameters: ['logprobs']");
        assertThat(cohere.requests()).hasSize(1);
        assertThat(cohere.requests().get(0).bodyJson().has("logprobs")).isFalse();
        assertThat(cohere.requests().get(0).bodyJson().has("drop_params")).isFalse();
    }
}
