package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.testing.StreamReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FromCohereChatTest {
    private static final InferenceRequest REQUEST = RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
            "{\"model\":\"public-cohere\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8));

    @Test
    void should_join_the_text_parts_and_prefer_the_token_counts_over_billed_units() {
        // when
        JsonNode completion = FromCohereChat.completion(REQUEST, StreamReplay.resource("/provider/cohere/chat-response-text.json"));

        // then
        assertThat(completion.path("id").asText()).isEqualTo("c14c80c3-18eb-4519-9460-6c92edd8cfb4");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo("public-cohere");
        assertThat(completion.path("created").asLong()).isPositive();
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText())
                .isEqualTo("LLMs stand for Large Language Models, which are a type of neural network model.");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.path("usage").path("prompt_tokens").asInt()).isEqualTo(71);
        assertThat(completion.path("usage").path("completion_tokens").asInt()).isEqualTo(418);
        assertThat(completion.path("usage").path("total_tokens").asInt()).isEqualTo(489);
    }

    @Test
    void should_return_tool_calls_with_the_plan_as_content_and_billed_units_when_no_token_counts() {
        // when
        JsonNode completion = FromCohereChat.completion(REQUEST, StreamReplay.resource("/provider/cohere/chat-response-tool.json"));

        // then
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("I will search for the weather in Toronto.");
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo("get_weather_1byjy32y4hvq");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"location\":\"Toronto\"}");
        assertThat(completion.path("usage").path("prompt_tokens").asInt()).isEqualTo(37);
        assertThat(completion.path("usage").path("completion_tokens").asInt()).isEqualTo(28);
    }

    @Test
    void should_put_thinking_into_reasoning_content() {
        // when
        JsonNode completion = FromCohereChat.completion(REQUEST, StreamReplay.resource("/provider/cohere/chat-response-thinking.json"));

        // then
        JsonNode message = completion.path("choices").path(0).path("message");
        assertThat(message.path("content").asText()).isEqualTo("42");
        assertThat(message.path("reasoning_content").asText()).isEqualTo("The user wants a number. 6 times 7 is 42.");
        assertThat(completion.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"COMPLETE, stop", "STOP_SEQUENCE, stop", "MAX_TOKENS, length", "TOOL_CALL, tool_calls", "ERROR, stop",
            "ERROR_TOXIC, content_filter", "ERROR_LIMIT, length"})
    void should_map_coheres_finish_reasons(String cohere, String openAi) {
        assertThat(FromCohereChat.finishReason(cohere)).isEqualTo(openAi);
    }
}
