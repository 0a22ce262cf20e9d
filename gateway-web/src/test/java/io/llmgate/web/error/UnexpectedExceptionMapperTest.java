package io.llmgate.web.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import io.llmgate.web.filter.CallIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedExceptionMapperTest {
    @Test
    void should_answer_a_bug_with_a_500_that_names_the_call_but_not_the_failure() throws Exception {
        // given
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        mapper.request = requestWithCallId("0b7e4f1c-1111-4222-8333-444455556666");

        // when
        Response response = mapper.toResponse(new IllegalStateException("prompt text: tell me a secret"));

        // then
        JsonNode error = Json.mapper().readTree((byte[]) response.getEntity()).path("error");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(error.path("type").asText()).isEqualTo("internal_server_error");
        assertThat(error.path("message").asText())
                .isEqualTo("Internal error; see the gateway log for call 0b7e4f1c-1111-4222-8333-444455556666")
                .doesNotContain("prompt text").doesNotContain("IllegalStateException");
    }

    @Test
    void should_answer_without_a_request_too() {
        // given
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

        // when
        Response response = mapper.toResponse(new RuntimeException("x"));

        // then
        assertThat(response.getStatus()).isEqualTo(500);
    }

    private static HttpServletRequest requestWithCallId(String callId) {
        return (HttpServletRequest) Proxy.newProxyInstance(UnexpectedExceptionMapperTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute") && CallIdFilter.CALL_ID.equals(args[0])) {
                        return callId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
