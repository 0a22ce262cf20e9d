package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionsTest {
    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_answer_a_text_completion() throws Exception {
        // given
        upstream.script("gpt-3.5-turbo-instruct", Scenario.content("This is indeed a test"));

        // when
        var response = http.post("/completions",
                "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say this is a test\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = OpenAiHttp.parse(response.body());
        assertThat(body.get("id").asText()).startsWith("cmpl-");
        assertThat(body.get("object").asText()).isEqualTo("text_completion");
        assertThat(body.get("model").asText()).isEqualTo("gpt-3.5-turbo-instruct");
        assertThat(body.at("/choices/0/text").asText()).isEqualTo("This is indeed a test");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo("Say this is a test".length() / 4);
    }

    @Test
    void should_stream_text_completion_events_ending_with_done() throws Exception {
        // when
        OpenAiHttp.StreamCapture stream = http.stream("/completions",
                "{\"model\":\"m\",\"prompt\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        // then text events, a finish event, a usage event, [DONE]
        assertThat(stream.endedWithDone()).isTrue();
        List<JsonNode> events = stream.jsonEvents();
        assertThat(events).allSatisfy(event -> assertThat(event.get("object").asText()).isEqualTo("text_completion"));
        String text = events.subList(0, Scenario.DEFAULT_CHUNKS).stream()
                .map(event -> event.at("/choices/0/text").asText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(Scenario.DEFAULT_CONTENT);
        assertThat(events.get(Scenario.DEFAULT_CHUNKS).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = events.get(events.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.at("/usage/total_tokens").asInt()).isPositive();
    }
}
