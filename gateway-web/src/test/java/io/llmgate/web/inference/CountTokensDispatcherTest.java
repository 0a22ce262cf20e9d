package io.llmgate.web.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.json.Json;
import io.llmgate.core.messages.CountTokens;
import io.llmgate.web.StaticRuntime;
import io.llmgate.web.filter.CallContext;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CountTokensDispatcherTest {
    private final CountTokensDispatcher dispatcher = new CountTokensDispatcher();
    private final JaxRsCall.Async async = new JaxRsCall.Async();

    CountTokensDispatcherTest() {
        StaticRuntime runtime = new StaticRuntime(Optional.empty(), 10_000);
        dispatcher.runtime = runtime;
        dispatcher.counter = new CountTokens(runtime);
    }

    @Test
    void should_answer_the_input_token_count_as_json() throws Exception {
        // when
        count("{\"model\": \"claude\", \"system\": \"Be brief.\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello there\"}]}");

        // then
        Response response = async.response();
        byte[] body = (byte[]) response.getEntity();
        JsonNode json = Json.mapper().readTree(body);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Content-Length")).isEqualTo(Integer.toString(body.length));
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.path("input_tokens").asInt()).isBetween(5, 20);
    }

    @Test
    void should_refuse_a_body_without_messages_in_anthropics_shape() throws Exception {
        // when
        count("{\"model\": \"claude\"}");

        // then
        Response response = async.response();
        JsonNode json = Json.mapper().readTree((byte[]) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(json.at("/error/message").asText()).startsWith("messages: missing");
    }

    private void count(String body) {
        dispatcher.count(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), JaxRsCall.headers(-1),
                JaxRsCall.security(new CallContext("call-3", Caller.MASTER, 1L)), async);
    }
}
