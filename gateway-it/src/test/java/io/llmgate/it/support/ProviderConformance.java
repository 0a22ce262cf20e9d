package io.llmgate.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.ProviderFake;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite every provider adapter runs through the deployed WAR: an OpenAI-format request
 * goes in, the provider's fake answers in its own wire format, and the client must see exactly what an
 * OpenAI client expects. A subclass names its provider, models and {@link Capability capabilities};
 * tests for capabilities it lacks are skipped.
 */
public abstract class ProviderConformance extends DeployedGatewayTestBase {

    /** What a provider's adapter supports beyond plain chat. */
    public enum Capability {
        STREAMING, TOOLS, EMBEDDINGS,
        /** The provider's 429 carries {@code Retry-After} (the fakes send 7 s), which the gateway passes on. */
        RETRY_AFTER
    }

    /**
     * @param provider        name in {@link ProviderDeployments}, and the {@code llm_provider} errors report
     * @param chatModel       model name clients send for chat
     * @param chatUpstream    the model the fake sees for it (what replies are scripted for)
     * @param embeddingModel  model name for embeddings, or null
     * @param embeddingUpstream the model the fake sees for embeddings, or null
     */
    public record Subject(String provider, String chatModel, String chatUpstream, String embeddingModel,
                          String embeddingUpstream, Set<Capability> capabilities) {
    }

    private static final String WEATHER_TOOL = """
            [{"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]""";

    protected ProviderFake provider;

    protected abstract Subject subject();

    /** Checks the deployment's credential reached the provider the way that provider expects it. */
    protected abstract void assertAuthenticated(RecordedRequest request);

    @BeforeEach
    void resetTheProvider() {
        provider = GatewayEnvironment.provider(subject().provider());
        provider.reset();
    }

    @Test
    void should_answer_a_chat_completion_in_openai_format() {
        provider.script(subject().chatUpstream(), new Reply.Text("The capital of France is Paris.", 11, 7, 3));

        HttpResponse<String> response = gateway.post("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "system", "content": "Be brief."},
                 {"role": "user", "content": "Capital of France?"}], "max_tokens": 50}
                """.formatted(subject().chatModel()));

        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("id").asText()).isNotEmpty();
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("The capital of France is Paris.");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(11);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(18);
        assertThat(response.headers().firstValue("x-litellm-model-group")).contains(subject().chatModel());
        List<RecordedRequest> received = provider.requests();
        assertThat(received).hasSize(1);
        assertAuthenticated(received.get(0));
    }

    @Test
    void should_stream_a_chat_completion_chunk_by_chunk() {
        assumeTrue(subject().capabilities().contains(Capability.STREAMING), "provider does not stream");
        provider.script(subject().chatUpstream(), new Reply.Text("Streaming works across providers.", 12, 5, 4));

        StreamedResponse stream = gateway.stream("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "user", "content": "Say something"}], "stream": true,
                 "stream_options": {"include_usage": true}}
                """.formatted(subject().chatModel()));

        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.data()).as(stream.body()).last().isEqualTo(StreamedResponse.DONE);
        assertThat(stream.content()).isEqualTo("Streaming works across providers.");
        assertThat(stream.contentLines()).as("text arrives in several chunks").hasSizeGreaterThanOrEqualTo(2);
        assertThat(stream.chunks()).allSatisfy(chunk ->
                assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk"));
        assertThat(stream.chunks()).anySatisfy(chunk ->
                assertThat(chunk.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop"));
        JsonNode usage = stream.chunks().get(stream.chunks().size() - 1).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).as(stream.body()).isEqualTo(12);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(17);
        assertThat(stream.hasErrorEvent()).isFalse();
    }

    @Test
    void should_return_a_tool_call() {
        assumeTrue(subject().capabilities().contains(Capability.TOOLS), "provider has no tools");
        provider.script(subject().chatUpstream(), Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

        HttpResponse<String> response = gateway.post("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "user", "content": "Weather in Paris?"}],
                 "tools": %s, "tool_choice": "auto"}
                """.formatted(subject().chatModel(), WEATHER_TOOL));

        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode choice = Json.parse(response.body()).path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("id").asText()).isNotEmpty();
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(Json.parse(call.path("function").path("arguments").asText())).isEqualTo(Json.parse("{\"city\":\"Paris\"}"));
        JsonNode sentTools = provider.requests().get(0).bodyJson();
        assertThat(sentTools.toString()).as("the tool definition reached the provider").contains("get_weather");
    }

    @Test
    void should_stream_a_tool_call_with_argument_deltas() {
        assumeTrue(subject().capabilities().containsAll(Set.of(Capability.TOOLS, Capability.STREAMING)),
                "provider does not stream tools");
        provider.script(subject().chatUpstream(), Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

        StreamedResponse stream = gateway.stream("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "user", "content": "Weather in Paris?"}],
                 "tools": %s, "stream": true}
                """.formatted(subject().chatModel(), WEATHER_TOOL));

        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.data()).as(stream.body()).last().isEqualTo(StreamedResponse.DONE);
        StringBuilder arguments = new StringBuilder();
        String name = null;
        for (JsonNode chunk : stream.chunks()) {
            JsonNode call = chunk.path("choices").path(0).path("delta").path("tool_calls").path(0);
            if (call.path("function").hasNonNull("name")) {
                name = call.path("function").path("name").asText();
                assertThat(call.path("id").asText()).isNotEmpty();
            }
            arguments.append(call.path("function").path("arguments").asText(""));
        }
        assertThat(name).as(stream.body()).isEqualTo("get_weather");
        assertThat(Json.parse(arguments.toString())).isEqualTo(Json.parse("{\"city\":\"Paris\"}"));
        assertThat(stream.chunks()).anySatisfy(chunk ->
                assertThat(chunk.path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls"));
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void should_report_a_provider_failure_as_a_classified_openai_error(FailureKind kind) {
        provider.script(subject().chatUpstream(), Reply.failure(kind));

        HttpResponse<String> response = gateway.post("/v1/chat/completions", """
                {"model": "%s", "messages": [{"role": "user", "content": "Hi"}]}
                """.formatted(subject().chatModel()));

        assertThatResponse(response).hasOpenAiErrorBody();
        JsonNode error = Json.parse(response.body()).path("error");
        assertThat(error.path("llm_provider").asText()).as(response.body()).isEqualTo(subject().provider());
        switch (kind) {
            case RATE_LIMITED -> {
                assertThatResponse(response).hasStatus(429).hasErrorType("rate_limit_error");
                assertThat(response.headers().firstValue("retry-after")).isEqualTo(
                        subject().capabilities().contains(Capability.RETRY_AFTER) ? Optional.of("7") : Optional.empty());
            }
            case CONTEXT_WINDOW_EXCEEDED ->
                    assertThatResponse(response).hasStatus(400).hasErrorType("context_length_exceeded");
            case CONTENT_POLICY -> assertThatResponse(response).hasStatus(400).hasErrorType("content_policy_violation");
            case AUTHENTICATION -> assertThatResponse(response).hasStatus(401).hasErrorType("auth_error");
            case BAD_REQUEST -> assertThatResponse(response).hasStatus(400).hasErrorType("invalid_request_error");
            case SERVER_ERROR -> assertThat(response.statusCode()).as(response.body()).isBetween(500, 599);
            case OVERLOADED -> assertThatResponse(response).hasStatusIn(503, 529).hasErrorType("service_unavailable");
        }
    }

    @Test
    void should_embed_inputs_in_openai_format() {
        assumeTrue(subject().capabilities().contains(Capability.EMBEDDINGS), "provider has no embeddings");
        provider.script(subject().embeddingUpstream(), new Reply.Embedding(8, 5));

        HttpResponse<String> response = gateway.post("/v1/embeddings", """
                {"model": "%s", "input": ["first text", "second text"]}
                """.formatted(subject().embeddingModel()));

        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode item = body.path("data").path(i);
            assertThat(item.path("object").asText()).isEqualTo("embedding");
            assertThat(item.path("index").asInt()).isEqualTo(i);
            assertThat(item.path("embedding")).hasSize(8);
            assertThat(item.path("embedding").path(2).floatValue()).isEqualTo(Reply.embeddingValue(2));
        }
        // providers count (or omit) embedding tokens differently; the field must still be there for OpenAI clients
        assertThat(body.path("usage").path("prompt_tokens").isInt()).as(response.body()).isTrue();
    }
}
