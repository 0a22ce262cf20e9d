package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.testkit.upstream.OpenAiHttp.StreamCapture;
import io.llmgate.testkit.upstream.OpenAiHttp.TimedEvent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChatCompletionsTest {
    private static final String CHAT = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello to the test suite!"}]}""";
    private static final String STREAM = """
            {"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Say hello"}]}""";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_answer_a_chat_completion_in_openai_json_shape() throws Exception {
        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = OpenAiHttp.parse(response.body());
        assertThat(body.get("id").asText()).matches("chatcmpl-[A-Za-z0-9]{29}");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("system_fingerprint").asText()).startsWith("fp_");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).isEqualTo("Hello from the fake upstream.");
        assertThat(choice.get("message").get("refusal").isNull()).isTrue();
        assertThat(choice.get("logprobs").isNull()).isTrue();
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo("Say hello to the test suite!".length() / 4);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo("Hello from the fake upstream.".length() / 4);
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asInt()).isZero();
    }

    @Test
    void should_answer_with_the_scripted_content_only_for_that_model() throws Exception {
        // given
        upstream.script("gpt-4o", Scenario.content("Bonjour"));

        // when
        String forScripted = CHAT.replace("gpt-4o-mini", "gpt-4o");
        JsonNode scripted = OpenAiHttp.parse(http.post("/chat/completions", forScripted).body());
        JsonNode unscripted = OpenAiHttp.parse(http.post("/chat/completions", CHAT).body());

        // then
        assertThat(scripted.at("/choices/0/message/content").asText()).isEqualTo("Bonjour");
        assertThat(unscripted.at("/choices/0/message/content").asText()).isEqualTo(Scenario.DEFAULT_CONTENT);
    }

    @Test
    void should_stream_a_role_chunk_content_chunks_a_finish_chunk_and_done() throws Exception {
        // when
        StreamCapture stream = http.stream("/chat/completions", STREAM);

        // then
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.failure()).isEmpty();
        assertThat(stream.endedWithDone()).isTrue();
        List<JsonNode> chunks = stream.jsonEvents();
        assertThat(chunks).hasSize(1 + Scenario.DEFAULT_CHUNKS + 1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").asText()).isEqualTo(chunks.get(0).get("id").asText());
            assertThat(chunk.get("created").asLong()).isEqualTo(chunks.get(0).get("created").asLong());
            assertThat(chunk.get("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(chunk.has("usage")).isFalse();
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.get(0).at("/choices/0/delta/content").asText()).isEmpty();
        String content = chunks.subList(1, chunks.size() - 1).stream()
                .map(chunk -> chunk.at("/choices/0/delta/content").asText())
                .collect(Collectors.joining());
        assertThat(content).isEqualTo(Scenario.DEFAULT_CONTENT);
        JsonNode finish = chunks.get(chunks.size() - 1);
        assertThat(finish.at("/choices/0/delta").isEmpty()).isTrue();
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void should_end_with_a_usage_chunk_when_include_usage_is_requested() throws Exception {
        // given
        String request = STREAM.replace("\"stream\":true",
                "\"stream\":true,\"stream_options\":{\"include_usage\":true}");

        // when
        List<JsonNode> chunks = http.stream("/chat/completions", request).jsonEvents();

        // then
        List<JsonNode> withChoices = chunks.subList(0, chunks.size() - 1);
        assertThat(withChoices).allSatisfy(chunk -> {
            assertThat(chunk.has("usage")).isTrue();
            assertThat(chunk.get("usage").isNull()).isTrue();
        });
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.at("/usage/prompt_tokens").asInt()).isEqualTo(2); // "Say hello" = 9 characters
        assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(Scenario.DEFAULT_CONTENT.length() / 4);
        assertThat(last.at("/usage/total_tokens").asInt()).isEqualTo(2 + Scenario.DEFAULT_CONTENT.length() / 4);
    }

    @Test
    void should_deliver_each_stream_chunk_when_it_is_produced() throws Exception {
        // given
        upstream.script("gpt-4o-mini", Scenario.stream(5, Duration.ofMillis(200)));

        // when
        List<TimedEvent> events = http.stream("/chat/completions", STREAM).events();

        // then role, 5 content events 200 ms apart, finish, [DONE]
        assertThat(events).hasSize(8);
        for (int i = 2; i <= 5; i++) {
            long gapMillis = (events.get(i).arrivedNanos() - events.get(i - 1).arrivedNanos()) / 1_000_000;
            assertThat(gapMillis).as("gap before content event %d", i).isBetween(100L, 1_000L);
        }
    }

    @Test
    void should_write_every_event_as_its_own_http_chunk() throws Exception {
        // given
        try (RawHttp raw = new RawHttp(upstream.port())) {
            // when
            raw.sendPost("/v1/chat/completions", STREAM);
            RawHttp.ChunkedResponse chunks = raw.readChunkedResponse();

            // then
            assertThat(chunks.terminated()).isTrue();
            assertThat(chunks.payloads()).hasSize(1 + Scenario.DEFAULT_CHUNKS + 1 + 1)
                    .allSatisfy(payload -> assertThat(payload).matches("(?s)data: [^\\n]+\\n\\n"));
            assertThat(chunks.payloads().get(chunks.payloads().size() - 1)).isEqualTo("data: [DONE]\n\n");
        }
    }
}
