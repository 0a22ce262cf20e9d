package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.StreamReplay;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ToCohereChatTest {
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: public-cohere
                litellm_params: { model: cohere/command-r-plus-08-2024, api_key: co-key }
            """);

    @Test
    void should_translate_messages_tools_and_parameters_to_coheres_names() throws IOException {
        // given
        InferenceRequest request = request(StreamReplay.resource("/provider/cohere/chat-request.openai.json"));
        JsonNode expected = Json.mapper().readTree(StreamReplay.resource("/provider/cohere/chat-request.cohere.json"));

        // when
        ObjectNode body = ToCohereChat.body(request, DEPLOYMENT);

        // then
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void should_force_a_named_tool_by_offering_only_that_tool() {
        // given
        InferenceRequest request = request(("""
                {"model":"public-cohere","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"a","parameters":{}}},
                          {"type":"function","function":{"name":"b","parameters":{}}}],
                 "tool_choice":{"type":"function","function":{"name":"b"}},"stream":true}""").getBytes(StandardCharsets.UTF_8));

        // when
        ObjectNode body = ToCohereChat.body(request, DEPLOYMENT);

        // then
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("tools").path(0).path("function").path("name").asText()).isEqualTo("b");
        assertThat(body.path("tool_choice").asText()).isEqualTo("REQUIRED");
        assertThat(body.path("stream").asBoolean()).isTrue();
    }

    @Test
    void should_not_modify_the_callers_request() {
        // given
        InferenceRequest request = request(StreamReplay.resource("/provider/cohere/chat-request.openai.json"));
        ObjectNode before = request.body().deepCopy();

        // when
        ToCohereChat.body(request, DEPLOYMENT);

        // then
        assertThat(request.body()).isEqualTo(before);
    }

    private static InferenceRequest request(byte[] json) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, json);
    }
}
