package io.llmgate.it;

import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ChatRequests.streamingChat;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure answers in OpenAI's error shape with a fitting status: bad input is the caller's
 * fault (4xx, never 500), upstream failures keep their meaning, and a broken stream ends in an error event.
 */
class ErrorHandlingIT extends DeployedGatewayTestBase {

    @Test
    void should_answer_400_for_malformed_json() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", "{\"model\": \"gpt-4o-mini\", \"messages\": [");

        // then
        assertThatResponse(response).hasStatus(400).hasErrorType("invalid_request_error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            messages   | {"model": "gpt-4o-mini", "messages": "hi"}
            model      | {"model": 5, "messages": [{"role": "user", "content": "hi"}]}
            stream     | {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "stream": "yes"}
            max_tokens | {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": "ten"}
            """)
    void should_answer_400_naming_a_field_of_the_wrong_type(String field, String body) {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", body);

        // then
        assertThatResponse(response).hasStatus(400).hasErrorType("invalid_request_error").hasErrorMessageContaining(field);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_answer_400_without_a_model() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        // then
        assertThatResponse(response).hasStatus(400).hasOpenAiErrorBody().hasErrorMessageContaining("model");
    }

    @Test
    void should_answer_400_for_an_unknown_model_without_revealing_deployment_secrets() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("no-such-model"));

        // then
        assertThatResponse(response).hasStatus(400).hasOpenAiErrorBody().hasErrorMessageContaining("no-such-model");
        assertThat(response.body())
                .doesNotContain(GatewayConfigFile.UPSTREAM_KEY)
                .doesNotContain(GatewayConfigFile.MASTER_KEY)
                .doesNotContain(upstream.baseUrl())
                .doesNotContain("127.0.0.1:" + upstream.port());
    }

    @Test
    void should_answer_413_for_a_body_over_max_request_size() {
        // given a prompt of 1.5 MB, over max_request_size_mb: 1
        String prompt = "a".repeat(GatewayConfigFile.MAX_REQUEST_SIZE_MB * 1024 * 1024 * 3 / 2);

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}]}");

        // then
        assertThatResponse(response).hasStatus(413).hasOpenAiErrorBody();
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_answer_502_or_503_naming_the_provider_when_the_upstream_is_unreachable() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("dead-upstream"));

        // then
        assertThatResponse(response).hasStatusIn(502, 503).hasOpenAiErrorBody().hasErrorMessageContaining("openai");
    }

    @Test
    void should_answer_408_or_504_when_the_upstream_exceeds_the_deployment_timeout() {
        // given slow-model has timeout: 1 (second)
        upstream.script("slow-model", Scenario.delayBeforeHeaders(Duration.ofSeconds(3)));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("slow-model"));

        // then
        assertThatResponse(response).hasStatusIn(408, 504).hasOpenAiErrorBody();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "400, invalid_request_error, context_length_exceeded",
            "404, invalid_request_error, model_not_found",
            "429, rate_limit_error,      rate_limit_exceeded"})
    void should_pass_an_upstream_client_error_through_with_its_status(int status, String type, String code) {
        // given
        upstream.script("error-model", Scenario.openAiError(status, type, "scripted upstream failure " + status, code));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("error-model"));

        // then
        assertThatResponse(response).hasStatus(status).hasOpenAiErrorBody()
                .hasErrorMessageContaining("scripted upstream failure " + status);
    }

    @Test
    void should_end_a_stream_the_upstream_drops_with_an_error_event() {
        // given the upstream cuts the connection after 2 of 6 content events
        upstream.script("stream-model", Scenario.stream(6, Duration.ofMillis(50)).withDropAfterChunks(2));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChat("stream-model"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.hasErrorEvent()).as("an error event in %s", stream.body()).isTrue();
        assertThat(stream.data()).as(stream.body()).doesNotContain(StreamedResponse.DONE);
    }

    @Test
    void should_forward_the_events_received_before_the_upstream_dropped_the_stream() {
        // given the upstream sends 2 of 6 content events, then cuts the connection
        upstream.script("stream-model", Scenario.stream(6, Duration.ofMillis(50)).withDropAfterChunks(2));

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChat("stream-model"));

        // then: the first event is forwarded; the second shares its TCP read with the reset, and HttpClient 5's
        // chunk decoder fails that read as a whole, so it may be lost (the client still sees the error event)
        assertThat(stream.contentLines()).as(stream.body()).hasSizeBetween(1, 2);
        assertThat(stream.body()).contains("\"error\"").doesNotContain("[DONE]");
    }
}
