package io.llmgate.core.messages;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.FixedRuntime;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CountTokensTest extends LoopbackTest {
    private static final String CONVERSATION = """
            {"model": "%s", "system": "You are a helpful assistant.",
             "messages": [{"role": "user", "content": "What is the weather like in Paris today?"},
                          {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "get_weather", "input": {"city": "Paris"}}]},
                          {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "Sunny, 24 degrees"},
                                                       {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}]}],
             "tools": [{"name": "get_weather", "description": "Weather in a city",
                        "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}]}""";

    @Test
    void should_estimate_locally_for_a_model_group_on_an_openai_format_provider() throws Exception {
        // given
        CountTokens counter = counter();

        // when
        long tokens = count(counter, CONVERSATION.formatted("gpt"));

        // then: image + text of system, 3 messages, tool and framing
        assertThat(tokens).isBetween((long) TokenEstimator.IMAGE_TOKENS + 40, (long) TokenEstimator.IMAGE_TOKENS + 120);
        assertThat(upstream.requests()).noneMatch(r -> r.path().contains("count_tokens"));
    }

    @Test
    void should_count_more_tokens_for_more_text() throws Exception {
        // given
        CountTokens counter = counter();
        String small = "{\"model\": \"gpt\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}";
        String large = small.replace("Hello", "Hello ".repeat(200));

        // when / then
        assertThat(count(counter, large)).isGreaterThan(count(counter, small) + 150);
    }

    @Test
    void should_estimate_for_a_model_no_group_has_as_litellm_does() throws Exception {
        // when / then
        assertThat(count(counter(), CONVERSATION.formatted("claude-unknown"))).isGreaterThan(TokenEstimator.IMAGE_TOKENS);
    }

    @Test
    void should_ask_a_native_provider_and_pass_its_answer_through() throws Exception {
        // given a native deployment whose count_tokens the fake upstream does not know: its error comes back
        Deployment target = MinimalNativeAdapter.deployment(upstream.baseUrl(), "claude-native");

        // when
        Throwable failure = counter().count(request(CONVERSATION.formatted("claude")), Optional.of(target))
                .toCompletableFuture().handle((bytes, error) -> error).get(10, TimeUnit.SECONDS);

        // then the call reached the provider's count_tokens route with the upstream model
        assertThat(upstream.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/messages/count_tokens");
            assertThat(r.bodyJson().path("model").asText()).isEqualTo("claude-native");
            assertThat(r.header("x-api-key")).contains("sk-ant-test");
        });
        assertThat(failure).isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("anthropic returned 404");
    }

    private static CountTokens counter() {
        return new CountTokens(new FixedRuntime(ConfigFiles.load("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o-mini, api_base: "%s" }
                """.formatted(upstream.baseUrl())), client));
    }

    private static long count(CountTokens counter, String body) throws Exception {
        byte[] answer = counter.count(request(body)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        return Json.mapper().readTree(answer).path("input_tokens").asLong();
    }

    private static InferenceRequest request(String body) {
        return MessagesRequestDecoder.decodeCountTokens(body.getBytes(StandardCharsets.UTF_8), name -> null);
    }
}
