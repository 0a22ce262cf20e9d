package io.llmgate.web.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {
    @Test
    void should_write_openais_error_shape_with_the_status_as_code() {
        // given
        GatewayException error = GatewayException.invalidField("messages", "messages: empty (expected: at least one message)");

        // when
        String body = new String(ErrorResponses.body(error), StandardCharsets.UTF_8);

        // then
        assertThat(body).isEqualTo("{\"error\":{\"message\":\"messages: empty (expected: at least one message)\","
                + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"400\"}}");
    }

    @Test
    void should_write_a_null_param_and_name_the_provider_of_an_upstream_error() throws Exception {
        // given
        GatewayException error = GatewayException.upstream(ErrorType.RATE_LIMIT, 429, "groq returned 429: slow down", true,
                "groq", "llama-3.1-8b", null);

        // when
        JsonNode body = Json.mapper().readTree(ErrorResponses.body(error)).path("error");

        // then
        assertThat(body.path("message").asText()).isEqualTo("groq returned 429: slow down");
        assertThat(body.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(body.has("param")).isTrue();
        assertThat(body.path("param").isNull()).isTrue();
        assertThat(body.path("code").isTextual()).isTrue();
        assertThat(body.path("code").asText()).isEqualTo("429");
        assertThat(body.path("llm_provider").asText()).isEqualTo("groq");
    }

    @Test
    void should_leave_out_llm_provider_when_no_provider_is_involved() throws Exception {
        // given
        GatewayException error = new GatewayException(ErrorType.AUTHENTICATION, "Authentication Error: invalid API key");

        // when
        JsonNode body = Json.mapper().readTree(ErrorResponses.body(error)).path("error");

        // then
        assertThat(body.has("llm_provider")).isFalse();
        assertThat(body.path("code").asText()).isEqualTo("401");
        assertThat(body.path("type").asText()).isEqualTo("auth_error");
    }

    @Test
    void should_escape_any_text_in_the_message() throws Exception {
        // given
        String message = "upstream said \"no\"\n\tand </script> é 中文";
        GatewayException error = new GatewayException(ErrorType.UPSTREAM, message);

        // when
        JsonNode body = Json.mapper().readTree(ErrorResponses.body(error));

        // then
        assertThat(body.path("error").path("message").asText()).isEqualTo(message);
    }

    @Test
    void should_answer_with_the_errors_status_json_type_and_exact_length() {
        // given
        GatewayException error = GatewayException.upstream(ErrorType.NOT_FOUND, 404, "openai returned 404: no such model",
                false, "openai", "gpt-9", null);

        // when
        Response response = ErrorFormat.OPENAI.response(error);

        // then
        byte[] body = (byte[]) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaderString("Content-Length")).isEqualTo(Integer.toString(body.length));
        assertThat(body).isEqualTo(ErrorResponses.body(error));
    }

    @Test
    void should_use_the_given_status_as_code_even_when_the_type_normally_has_another() throws Exception {
        // when
        Response response = ErrorFormat.OPENAI.response(ErrorType.INVALID_REQUEST, 405, "Method not allowed on /v1/models");

        // then
        JsonNode body = Json.mapper().readTree((byte[]) response.getEntity()).path("error");
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(body.path("code").asText()).isEqualTo("405");
        assertThat(body.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.path("message").asText()).isEqualTo("Method not allowed on /v1/models");
    }
}
