package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicErrorShapeTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "INVALID_REQUEST,         400, invalid_request_error, 400",
            "CONTEXT_WINDOW_EXCEEDED, 400, invalid_request_error, 400",
            "CONTENT_POLICY,          400, invalid_request_error, 400",
            "AUTHENTICATION,          401, authentication_error,  401",
            "PERMISSION,              403, permission_error,      403",
            "NOT_FOUND,               404, not_found_error,       404",
            "TIMEOUT,                 408, timeout_error,         408",
            "REQUEST_TOO_LARGE,       413, request_too_large,     413",
            "RATE_LIMIT,              429, rate_limit_error,      429",
            "INTERNAL,                500, api_error,             500",
            "UPSTREAM,                500, api_error,             500",
            "API_CONNECTION,          502, api_error,             502",
            "SERVICE_UNAVAILABLE,     503, overloaded_error,      529",
            "UPSTREAM,                529, overloaded_error,      529"})
    void should_map_each_gateway_error_to_anthropics_type_and_status(ErrorType type, int status, String anthropicType,
                                                                     int anthropicStatus) {
        // given
        GatewayException error = GatewayException.upstream(type, status, "failed", false, "openai", "gpt-4o", null);

        // when / then
        assertThat(AnthropicErrorShape.type(error)).isEqualTo(anthropicType);
        assertThat(AnthropicErrorShape.status(error)).isEqualTo(anthropicStatus);
    }

    @Test
    void should_write_anthropics_error_body() {
        // given
        GatewayException error = GatewayException.invalidField("max_tokens", "max_tokens: missing (expected: an integer > 0)");

        // when
        String body = new String(AnthropicErrorShape.bytes(error), StandardCharsets.UTF_8);

        // then
        assertThat(body).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"max_tokens: missing (expected: an integer > 0)\"}}");
    }

    @Test
    void should_frame_a_stream_error_as_an_error_event() {
        // given
        GatewayException error = GatewayException.upstream(ErrorType.API_CONNECTION, 502,
                "The answer from openai at http://x:1 ended unexpectedly", true, "openai", "gpt-4o", null);

        // when
        String frame = new String(AnthropicErrorShape.frame(error), StandardCharsets.UTF_8);

        // then
        assertThat(frame).startsWith("event: error\ndata: ").endsWith("\n\n");
        JsonNode data = MessagesFixtures.parse(frame.substring("event: error\ndata: ".length()).strip().getBytes(StandardCharsets.UTF_8));
        assertThat(data.path("type").asText()).isEqualTo("error");
        assertThat(data.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(data.at("/error/message").asText()).contains("ended unexpectedly");
    }
}
