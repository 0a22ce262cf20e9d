package io.llmgate.it;

import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.GatewayEnvironment;
import io.llmgate.it.support.ServerLog;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ChatRequests.streamingChat;
import static io.llmgate.it.support.GatewayConfigFile.MASTER_KEY;
import static io.llmgate.it.support.GatewayConfigFile.UPSTREAM_KEY;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** The master key: where callers may put it, what happens without it, and that it never reaches the log. */
class AuthenticationIT extends DeployedGatewayTestBase {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Authorization,     Bearer %s",
            "x-litellm-api-key, %s",
            "x-litellm-api-key, Bearer %s",
            "api-key,           %s",
            "x-api-key,         %s"})
    void should_accept_the_master_key_in_every_supported_header(String header, String valueFormat) {
        // when
        HttpResponse<String> response = gateway.send(
                gateway.newPost("/v1/chat/completions", chat("gpt-4o-mini")).header(header, valueFormat.formatted(MASTER_KEY)));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
    }

    @Test
    void should_answer_401_in_openai_shape_without_a_key() {
        // when
        HttpResponse<String> response = gateway.send(gateway.newPost("/v1/chat/completions", chat("gpt-4o-mini")));

        // then
        assertThatResponse(response).hasStatus(401).hasOpenAiErrorBody();
        assertThat(upstream.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Authorization, Bearer sk-not-the-master-key",
            "x-api-key,     sk-not-the-master-key",
            "Authorization, Basic c2stbm90LXRoZS1tYXN0ZXIta2V5"})
    void should_answer_401_in_openai_shape_for_a_wrong_key(String header, String value) {
        // when
        HttpResponse<String> response = gateway.send(
                gateway.newPost("/v1/chat/completions", chat("gpt-4o-mini")).header(header, value));

        // then
        assertThatResponse(response).hasStatus(401).hasOpenAiErrorBody();
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_answer_401_for_the_models_list_without_a_key() {
        // when
        HttpResponse<String> response = gateway.send(gateway.newGet("/v1/models"));

        // then
        assertThatResponse(response).hasStatus(401).hasOpenAiErrorBody();
    }

    @Test
    void should_never_write_the_master_key_or_an_upstream_key_to_the_server_log() {
        // given requests that fail authentication (one with a key that merely starts with the master key),
        // fail upstream, or are refused, besides ordinary ones
        upstream.script("gpt-4o-mini", Scenario.openAiError(401, "invalid_request_error",
                "Incorrect API key provided: sk-upst****t-1.", "invalid_api_key"));
        gateway.send(gateway.newPost("/v1/chat/completions", chat("gpt-4o-mini"))
                .header("Authorization", "Bearer " + MASTER_KEY + "-but-longer"));
        gateway.send(gateway.newPost("/v1/chat/completions", chat("gpt-4o-mini"))
                .header("x-api-key", MASTER_KEY.substring(0, MASTER_KEY.length() - 1)));
        gateway.post("/v1/chat/completions", chat("gpt-4o-mini"));
        gateway.post("/v1/chat/completions", streamingChat("stream-model"));
        gateway.post("/v1/chat/completions", chat("dead-upstream"));
        gateway.post("/v1/chat/completions", chat("no-such-model"));
        gateway.post("/v1/chat/completions", "{\"model\": \"gpt-4o-mini\", \"messages\": [");
        gateway.get("/v1/models");

        // when
        String log = ServerLog.settledText();

        // then
        assertThat(ServerLog.files()).as("log files of %s", GatewayEnvironment.serverLog()).isNotEmpty();
        assertThat(log).as("server log").isNotBlank();
        assertThat(log.contains(MASTER_KEY)).as("master key %s in %s", MASTER_KEY, ServerLog.files()).isFalse();
        assertThat(log.contains(UPSTREAM_KEY)).as("upstream key %s in %s", UPSTREAM_KEY, ServerLog.files()).isFalse();
        assertThat(log.contains(GatewayConfigFile.MASTER_KEY.substring(3))).as("master key without its sk- prefix").isFalse();
    }
}
