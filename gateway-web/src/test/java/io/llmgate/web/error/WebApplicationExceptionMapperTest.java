package io.llmgate.web.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class WebApplicationExceptionMapperTest {
    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    WebApplicationExceptionMapperTest() {
        mapper.uri = uriWithPath("v1/nowhere");
    }

    @Test
    void should_answer_an_unknown_route_with_openais_404() throws Exception {
        // when
        Response response = mapper.toResponse(new NotFoundException());

        // then
        JsonNode error = error(response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(error.path("type").asText()).isEqualTo("not_found_error");
        assertThat(error.path("message").asText()).isEqualTo("Route not found: /v1/nowhere");
        assertThat(error.path("code").asText()).isEqualTo("404");
    }

    @Test
    void should_answer_a_wrong_method_with_405_and_the_allowed_methods() throws Exception {
        // when
        Response response = mapper.toResponse(new NotAllowedException("POST"));

        // then
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getAllowedMethods()).containsExactly("POST");
        assertThat(error(response).path("message").asText()).isEqualTo("Method not allowed on /v1/nowhere");
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void should_answer_an_unknown_route_below_messages_in_anthropics_shape() throws Exception {
        // given
        mapper.uri = uriWithPath("v1/messages/batches");

        // when
        Response response = mapper.toResponse(new NotFoundException());

        // then
        JsonNode body = Json.mapper().readTree((byte[]) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(body.at("/error/message").asText()).isEqualTo("Route not found: /v1/messages/batches");
    }

    @Test
    void should_answer_other_client_errors_with_their_status_and_reason() throws Exception {
        // when
        Response response = mapper.toResponse(new NotSupportedException());

        // then
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(error(response).path("message").asText()).isEqualTo("Unsupported Media Type");
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void should_answer_server_errors_as_internal_errors() throws Exception {
        // when
        Response response = mapper.toResponse(new ServiceUnavailableException());

        // then
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(error(response).path("type").asText()).isEqualTo("internal_server_error");
    }

    private static JsonNode error(Response response) throws Exception {
        return Json.mapper().readTree((byte[]) response.getEntity()).path("error");
    }

    /** A UriInfo that only knows its path, as the mapper reads nothing else. */
    private static UriInfo uriWithPath(String path) {
        return (UriInfo) Proxy.newProxyInstance(WebApplicationExceptionMapperTest.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
