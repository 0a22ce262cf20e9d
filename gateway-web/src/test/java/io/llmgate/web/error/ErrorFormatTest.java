package io.llmgate.web.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "v1/messages,                  ANTHROPIC",
            "/v1/messages,                 ANTHROPIC",
            "messages,                     ANTHROPIC",
            "v1/messages/count_tokens,     ANTHROPIC",
            "/messages/batches,            ANTHROPIC",
            "v1/chat/completions,          OPENAI",
            "v1/messagesx,                 OPENAI",
            "v1/threads/t1/messages,       OPENAI",
            "'',                           OPENAI"})
    void should_choose_anthropics_shape_on_the_messages_routes_only(String path, ErrorFormat expected) {
        // when / then
        assertThat(ErrorFormat.forPath(path)).isEqualTo(expected);
    }

    @Test
    void should_choose_openais_shape_without_a_path() {
        // when / then
        assertThat(ErrorFormat.forPath(null)).isEqualTo(ErrorFormat.OPENAI);
    }

    @Test
    void should_answer_anthropics_error_body_with_anthropics_status_for_an_overload() throws Exception {
        // given
        GatewayException error = GatewayException.upstream(ErrorType.SERVICE_UNAVAILABLE, 503, "openai returned 503: busy",
                true, "openai", "gpt-4o", null);

        // when
        Response response = ErrorFormat.ANTHROPIC.response(error);

        // then
        byte[] body = (byte[]) response.getEntity();
        JsonNode json = Json.mapper().readTree(body);
        assertThat(response.getStatus()).isEqualTo(529);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getHeaderString("Content-Length")).isEqualTo(Integer.toString(body.length));
        assertThat(json.path("type").asText()).isEqualTo("error");
        assertThat(json.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(json.at("/error/message").asText()).isEqualTo("openai returned 503: busy");
    }

    @Test
    void should_answer_openais_error_body_on_the_openai_routes() throws Exception {
        // when
        Response response = ErrorFormat.OPENAI.response(ErrorType.NOT_FOUND, 404, "Route not found: /v1/x");

        // then
        JsonNode json = Json.mapper().readTree((byte[]) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(json.at("/error/code").asText()).isEqualTo("404");
    }
}
