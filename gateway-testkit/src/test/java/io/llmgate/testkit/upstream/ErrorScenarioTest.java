package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorScenarioTest {
    private static final String CHAT = """
            {"model":"limited","messages":[{"role":"user","content":"hi"}]}""";
    private static final String STREAM = """
            {"model":"limited","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_answer_a_scripted_error_with_its_status_body_and_headers() throws Exception {
        // given
        String body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}";
        upstream.script("limited", Scenario.error(429, body, "Retry-After", "2", "x-request-id", "req_1"));

        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("retry-after")).hasValue("2");
        assertThat(response.headers().firstValue("x-request-id")).hasValue("req_1");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void should_answer_an_openai_error_even_to_a_stream_request() throws Exception {
        // given
        upstream.script("limited", Scenario.openAiError(503, "server_error", "The engine is overloaded", null));

        // when
        HttpResponse<String> response = http.post("/chat/completions", STREAM);

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = OpenAiHttp.parse(response.body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("The engine is overloaded");
        assertThat(error.get("type").asText()).isEqualTo("server_error");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").isNull()).isTrue();
    }

    @Test
    void should_answer_a_malformed_body_with_status_200() throws Exception {
        // given
        upstream.script("limited", Scenario.malformed("{\"id\":\"chatcmpl-1\",\"choices\":["));

        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"id\":\"chatcmpl-1\",\"choices\":[");
    }

    @Test
    void should_stream_a_malformed_body_as_one_event() throws Exception {
        // given
        upstream.script("limited", Scenario.malformed("{not json"));

        // when
        OpenAiHttp.StreamCapture stream = http.stream("/chat/completions", STREAM);

        // then
        assertThat(stream.events()).extracting(OpenAiHttp.TimedEvent::data).containsExactly("{not json", "[DONE]");
    }

    @Test
    void should_reject_an_unparsable_body_with_an_openai_400() throws Exception {
        // when
        HttpResponse<String> response = http.post("/chat/completions", "{\"model\": ");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = OpenAiHttp.parse(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("could not parse the JSON body");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").isNull()).isTrue();
    }

    @Test
    void should_reject_a_request_without_model() throws Exception {
        // when
        HttpResponse<String> response = http.post("/chat/completions", "{\"messages\":[]}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenAiHttp.parse(response.body()).at("/error/message").asText())
                .isEqualTo("you must provide a model parameter");
    }

    @Test
    void should_answer_an_unknown_path_with_an_openai_404() throws Exception {
        // when
        HttpResponse<String> response = http.post("/nope", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = OpenAiHttp.parse(response.body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Invalid URL (POST /v1/nope)");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void should_answer_normally_again_after_scripts_are_cleared() throws Exception {
        // given
        upstream.script("limited", Scenario.openAiError(500, "server_error", "boom", null));
        upstream.clearScripts();

        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
