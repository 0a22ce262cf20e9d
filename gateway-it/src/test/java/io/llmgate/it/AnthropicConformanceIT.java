package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.Json;
import io.llmgate.it.support.ProviderConformance;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.anthropic.FakeAnthropic;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Anthropic adapter through the deployed WAR against {@link FakeAnthropic}, plus what only Anthropic needs:
 * tool names it would reject are rewritten on the way out and restored on the way back, empty text is replaced
 * before Anthropic sees it, and embeddings are refused with a 400 naming the provider.
 */
class AnthropicConformanceIT extends ProviderConformance {
    private static final String COLLIDING_TOOLS = """
            [{"type": "function", "function": {"name": "foo/bar", "parameters": {"type": "object", "properties": {}}}},
             {"type": "function", "function": {"name": "foo_bar", "parameters": {"type": "object", "properties": {}}}}]""";

    @Override
    protected Subject subject() {
        return new Subject("anthropic", "claude-it", "claude-sonnet-4-5", null, null,
                Set.of(Capability.STREAMING, Capability.TOOLS, Capability.RETRY_AFTER));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).contains(FakeAnthropic.API_KEY);
        assertThat(request.header("anthropic-version")).contains("2023-06-01");
        assertThat(request.header("authorization")).isEmpty();
    }

    @Test
    void should_send_distinct_valid_tool_names_and_return_the_callers_name() {
        // given: foo/bar is invalid for Anthropic and its plain rewrite foo_bar is taken by the other tool
        provider.script("claude-sonnet-4-5", Reply.toolCall("foo_bar_2", "{}"));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", """
                {"model": "claude-it", "messages": [{"role": "user", "content": "Run foo/bar"}], "tools": %s}
                """.formatted(COLLIDING_TOOLS));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        assertThat(sentToolNames()).containsExactly("foo_bar_2", "foo_bar");
        JsonNode call = Json.parse(response.body()).path("choices").path(0).path("message").path("tool_calls").path(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("foo/bar");
    }

    @Test
    void should_stream_a_rewritten_tool_call_under_the_callers_name() {
        // given
        provider.script("claude-sonnet-4-5", Reply.toolCall("foo_bar_2", "{\"n\":1}"));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", """
                {"model": "claude-it", "messages": [{"role": "user", "content": "Run foo/bar"}], "tools": %s,
                 "stream": true}""".formatted(COLLIDING_TOOLS));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(sentToolNames()).containsExactly("foo_bar_2", "foo_bar");
        List<String> names = new ArrayList<>();
        stream.chunks().forEach(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").forEach(call -> {
            if (call.path("function").hasNonNull("name")) {
                names.add(call.path("function").path("name").asText());
            }
        }));
        assertThat(names).as(stream.body()).containsExactly("foo/bar");
    }

    @Test
    void should_replace_empty_text_that_anthropic_would_reject() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", """
                {"model": "claude-it", "messages": [{"role": "user", "content": ""},
                 {"role": "assistant", "content": ""}, {"role": "user", "content": [{"type": "text", "text": ""}]}]}""");

        // then: the fake answers 400 for empty text blocks, as Anthropic does
        assertThatResponse(response).hasStatus(200);
    }

    @Test
    void should_refuse_embeddings_with_a_400_naming_the_provider() {
        // when
        HttpResponse<String> response = gateway.post("/v1/embeddings", """
                {"model": "claude-it", "input": "hello"}""");

        // then
        assertThatResponse(response).hasStatus(400).hasOpenAiErrorBody().hasErrorType("invalid_request_error");
        assertThat(response.body()).contains("anthropic does not support /embeddings");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void should_pass_a_messages_call_through_natively_to_an_anthropic_deployment() {
        // given
        provider.script("claude-sonnet-4-5", new Reply.Text("Native answer.", 9, 3, 2));

        // when
        HttpResponse<String> response = gateway.send(gateway.newPost("/v1/messages", """
                {"model": "claude-it", "max_tokens": 64, "system": "Be brief.", "top_k": 5,
                 "messages": [{"role": "user", "content": "Hi"}]}""")
                .header("x-api-key", GatewayConfigFile.MASTER_KEY).header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "prompt-caching-2024-07-31"));

        // then: Anthropic's own message comes back, and the body went up as sent (top_k has no OpenAI equivalent)
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode message = Json.parse(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("Native answer.");
        assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(9);
        RecordedRequest sent = provider.requests().get(0);
        assertThat(sent.bodyJson().path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.bodyJson().path("top_k").asInt()).isEqualTo(5);
        assertThat(sent.bodyJson().path("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.header("anthropic-beta")).contains("prompt-caching-2024-07-31");
        assertAuthenticated(sent);
    }

    @Test
    void should_stream_anthropics_own_events_through_natively() {
        // given
        provider.script("claude-sonnet-4-5", new Reply.Text("Streamed natively.", 9, 3, 3));

        // when
        StreamedResponse stream = gateway.stream(gateway.newPost("/v1/messages", """
                {"model": "claude-it", "max_tokens": 64, "stream": true,
                 "messages": [{"role": "user", "content": "Hi"}]}""")
                .header("x-api-key", GatewayConfigFile.MASTER_KEY).header("anthropic-version", "2023-06-01"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.eventNames()).as(stream.body()).startsWith("message_start").endsWith("message_stop")
                .contains("content_block_delta", "message_delta");
        StringBuilder text = new StringBuilder();
        stream.chunks().forEach(event -> text.append(event.path("delta").path("text").asText("")));
        assertThat(text.toString()).isEqualTo("Streamed natively.");
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
    }

    private List<String> sentToolNames() {
        List<String> names = new ArrayList<>();
        provider.requests().get(0).bodyJson().path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }
}
