package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiFailuresTest {
    private static final String CHAT = """
            {"model":"failing","messages":[{"role":"user","content":"hi"}]}""";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("rate limited", OpenAiFailures.rateLimited(1), 429, "requests", "rate_limit_exceeded"),
                Arguments.of("server error", OpenAiFailures.serverError(), 500, "server_error", null),
                Arguments.of("overloaded", OpenAiFailures.overloaded(), 503, "server_error", null),
                Arguments.of("context window", OpenAiFailures.contextLengthExceeded(), 400, "invalid_request_error",
                        "context_length_exceeded"),
                Arguments.of("content policy", OpenAiFailures.contentPolicyViolation(), 400, "invalid_request_error",
                        "content_policy_violation"),
                Arguments.of("bad key", OpenAiFailures.invalidApiKey(), 401, "invalid_request_error",
                        "invalid_api_key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void should_answer_as_openai_does(String name, Scenario failure, int status, String type, String code)
            throws Exception {
        // given
        upstream.script("failing", failure);

        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode error = OpenAiHttp.parse(response.body()).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("code").isNull() ? null : error.path("code").asText()).isEqualTo(code);
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(ints = {1, 7})
    void should_tell_a_rate_limited_caller_when_to_retry(int seconds) throws Exception {
        // given
        upstream.script("failing", OpenAiFailures.rateLimited(seconds));

        // when
        HttpResponse<String> response = http.post("/chat/completions", CHAT);

        // then
        assertThat(response.headers().firstValue("retry-after")).hasValue(String.valueOf(seconds));
        assertThat(response.body()).contains("Please try again in " + seconds + "s.");
    }
}
