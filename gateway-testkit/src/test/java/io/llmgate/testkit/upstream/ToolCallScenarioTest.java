package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallScenarioTest {
    private static final String CHAT = """
            {"model":"tool-model","messages":[{"role":"user","content":"Weather in Paris?"}]}""";
    private static final String STREAM = """
            {"model":"tool-model","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"Weather in Paris?"}]}""";
    private static final String ARGUMENTS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_answer_a_tool_call_with_null_content_and_the_tool_calls_finish_reason() throws Exception {
        // given
        upstream.script("tool-model", Scenario.toolCall("call_weather_1", "get_weather", ARGUMENTS));

        // when
        JsonNode body = OpenAiHttp.parse(http.post("/chat/completions", CHAT).body());

        // then
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo("call_weather_1");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo(ARGUMENTS);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(ARGUMENTS.length() / 4);
    }

    @Test
    void should_keep_text_before_the_calls_and_answer_several_calls() throws Exception {
        // given
        upstream.script("tool-model", Scenario.content("Let me check.")
                .withToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
                .withToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}"));

        // when
        JsonNode message = OpenAiHttp.parse(http.post("/chat/completions", CHAT).body()).at("/choices/0/message");

        // then
        assertThat(message.path("content").asText()).isEqualTo("Let me check.");
        assertThat(message.path("tool_calls")).hasSize(2);
        assertThat(message.at("/tool_calls/1/id").asText()).isEqualTo("call_2");
    }

    @Test
    void should_stream_a_tool_call_as_a_start_delta_then_argument_fragments_with_the_same_index() throws Exception {
        // given
        upstream.script("tool-model", Scenario.toolCall("call_weather_1", "get_weather", ARGUMENTS));

        // when
        List<JsonNode> chunks = http.stream("/chat/completions", STREAM).jsonEvents();

        // then role, start delta, 4 argument fragments, finish, usage
        assertThat(chunks).hasSize(1 + 1 + Scenario.DEFAULT_CHUNKS + 1 + 1);
        JsonNode start = chunks.get(1).at("/choices/0/delta/tool_calls/0");
        assertThat(start.path("index").asInt()).isZero();
        assertThat(start.path("id").asText()).isEqualTo("call_weather_1");
        assertThat(start.path("type").asText()).isEqualTo("function");
        assertThat(start.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(start.at("/function/arguments").asText()).isEmpty();
        List<JsonNode> fragments = chunks.subList(2, 2 + Scenario.DEFAULT_CHUNKS);
        assertThat(fragments).allSatisfy(chunk -> {
            assertThat(chunk.at("/choices/0/delta/tool_calls/0/index").asInt()).isZero();
            assertThat(chunk.at("/choices/0/delta/tool_calls/0").has("id")).isFalse();
        });
        assertThat(fragments.stream().map(chunk -> chunk.at("/choices/0/delta/tool_calls/0/function/arguments").asText())
                .collect(Collectors.joining())).isEqualTo(ARGUMENTS);
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(chunks.get(chunks.size() - 1).path("choices")).isEmpty();
    }
}
