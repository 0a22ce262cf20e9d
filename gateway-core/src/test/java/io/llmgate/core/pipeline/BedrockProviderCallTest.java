package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.bedrock.FakeBedrock;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The Bedrock adapter through the real upstream client against the fake Bedrock, which checks every signature. */
class BedrockProviderCallTest {
    private static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
    private static FakeBedrock bedrock;
    private static UpstreamClient client;

    @BeforeAll
    static void start() {
        bedrock = FakeBedrock.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        bedrock.close();
    }

    @BeforeEach
    void reset() {
        bedrock.reset();
    }

    @Test
    void should_answer_a_signed_converse_call_in_openai_format() throws Exception {
        // given
        bedrock.script(CLAUDE, new Reply.Text("Paris.", 11, 7, 1));

        // when
        CallOutcome.Answered answer = (CallOutcome.Answered) call(signed(CLAUDE), chat(false));

        // then
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Paris.");
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(18);
        RecordedRequest received = bedrock.requests().get(0);
        assertThat(received.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(received.header("Authorization")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("AWS4-HMAC-SHA256 Credential=" + FakeBedrock.ACCESS_KEY_ID + "/"));
        assertThat(received.bodyJson().path("messages").path(0).path("content").path(0).path("text").asText())
                .isEqualTo("hi");
    }

    @Test
    void should_stream_binary_event_stream_messages_as_openai_chunks() throws Exception {
        // given
        bedrock.script(CLAUDE, new Reply.Text("Streaming works across providers.", 12, 5, 4));

        // when
        List<JsonNode> chunks = drain((CallOutcome.Streaming) call(signed(CLAUDE), chat(true)));

        // then
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(text).hasToString("Streaming works across providers.");
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop"));
        assertThat(chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt()).isEqualTo(17);
    }

    @Test
    void should_stream_a_tool_call() throws Exception {
        // given
        bedrock.script(CLAUDE, Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

        // when
        List<JsonNode> chunks = drain((CallOutcome.Streaming) call(signed(CLAUDE), chat(true)));

        // then
        StringBuilder arguments = new StringBuilder();
        chunks.forEach(c -> arguments.append(c.path("choices").path(0).path("delta").path("tool_calls").path(0)
                .path("function").path("arguments").asText("")));
        assertThat(Json.mapper().readTree(arguments.toString())).isEqualTo(Json.mapper().readTree("{\"city\":\"Paris\"}"));
        assertThat(chunks).anySatisfy(c -> assertThat(c.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("tool_calls"));
    }

    @Test
    void should_fail_a_started_stream_with_the_exception_bedrock_sends_in_it() throws Exception {
        // given
        bedrock.failStreamMidway(CLAUDE, "modelStreamErrorException", "The model stream had an error.");

        // when
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) call(signed(CLAUDE), chat(true));
        Throwable thrown = catchThrowable(() -> drain(streaming));

        // then
        assertThat(thrown).isInstanceOf(GatewayException.class)
                .hasMessage("bedrock stream failed with modelStreamErrorException: The model stream had an error.");
        assertThat(((GatewayException) thrown).status()).isEqualTo(424);
    }

    @Test
    void should_embed_two_inputs_with_cohere_in_one_call() throws Exception {
        // given
        bedrock.script("cohere.embed-english-v3", new Reply.Embedding(8, 5));
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"public\",\"input\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8));

        // when
        CallOutcome.Answered answer = (CallOutcome.Answered) call(signed("cohere.embed-english-v3"), request);

        // then
        JsonNode body = Json.mapper().readTree(answer.body());
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").path(1).path("embedding")).hasSize(8);
        assertThat(bedrock.requests().get(0).path()).isEqualTo("/model/cohere.embed-english-v3/invoke");
    }

    @Test
    void should_authorize_with_a_bedrock_api_key() throws Exception {
        // given
        Deployment deployment = deployment(CLAUDE, "api_key: " + FakeBedrock.API_KEY);

        // when
        CallOutcome.Answered answer = (CallOutcome.Answered) call(deployment, chat(false));

        // then
        assertThat(Json.mapper().readTree(answer.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(FakeBedrock.DEFAULT_TEXT);
        assertThat(bedrock.requests().get(0).header("Authorization")).contains("Bearer " + FakeBedrock.API_KEY);
    }

    @Test
    void should_report_a_wrong_secret_as_an_authentication_error() {
        // given
        Deployment deployment = deployment(CLAUDE, "aws_access_key_id: " + FakeBedrock.ACCESS_KEY_ID
                + ", aws_secret_access_key: not-the-secret, aws_region_name: " + FakeBedrock.REGION);

        // when
        GatewayException error = failure(deployment, chat(false));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error).hasMessageContaining("signature we calculated does not match");
        assertThat(error.getMessage()).doesNotContain("not-the-secret");
    }

    @Test
    void should_classify_a_throttled_stream_before_it_starts() {
        // given
        bedrock.script(CLAUDE, Reply.failure(FailureKind.RATE_LIMITED));

        // when
        GatewayException error = failure(signed(CLAUDE), chat(true));

        // then
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMIT);
        assertThat(error.retriable()).isTrue();
    }

    private static Deployment signed(String model) {
        return deployment(model, "aws_access_key_id: " + FakeBedrock.ACCESS_KEY_ID + ", aws_secret_access_key: \""
                + FakeBedrock.SECRET_ACCESS_KEY + "\", aws_region_name: " + FakeBedrock.REGION);
    }

    private static Deployment deployment(String model, String credentials) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: "bedrock/%s", aws_bedrock_runtime_endpoint: "%s", timeout: 10, %s }
                """.formatted(model, bedrock.apiBase(), credentials));
    }

    private static CallOutcome call(Deployment deployment, InferenceRequest request) throws Exception {
        return ProviderCalls.perform(client, deployment, request);
    }

    private static GatewayException failure(Deployment deployment, InferenceRequest request) {
        Throwable thrown = catchThrowable(() -> call(deployment, request));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayException.class);
        return (GatewayException) thrown.getCause();
    }

    private static List<JsonNode> drain(CallOutcome.Streaming streaming) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        byte[] payload;
        while ((payload = streaming.events().next()) != null) {
            chunks.add(Json.mapper().readTree(payload));
        }
        return chunks;
    }

    private static InferenceRequest chat(boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"public\",\"stream\":" + stream
                + ",\"stream_options\":{\"include_usage\":" + stream + "},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
