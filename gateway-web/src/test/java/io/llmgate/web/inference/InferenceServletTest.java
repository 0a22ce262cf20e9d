package io.llmgate.web.inference;

import io.llmgate.core.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceServletTest {
    private final InferenceServlet servlet = new InferenceServlet();

    @Test
    void should_answer_a_method_other_than_post_with_an_openai_style_405() throws Exception {
        // given
        ServletExchange exchange = new ServletExchange("GET", "/v1/chat/completions", "", -1);

        // when
        servlet.service(exchange.request(), exchange.response());

        // then
        assertThat(exchange.status).isEqualTo(405);
        assertThat(exchange.responseHeaders).containsEntry("Allow", "POST");
        assertThat(exchange.contentType).isEqualTo("application/json");
        assertThat(Json.mapper().readTree(exchange.body.toByteArray()).path("error").path("message").asText())
                .isEqualTo("Method not allowed on /v1/chat/completions");
    }
}
