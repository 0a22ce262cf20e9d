package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BedrockAdapterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private final BedrockAdapter adapter = new BedrockAdapter(CLOCK, NO_ENVIRONMENT::get);

    @Test
    void should_call_converse_on_the_regional_endpoint_with_the_model_id_encoded() {
        // given
        Deployment deployment = deployment("""
                model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
                aws_region_name: eu-central-1
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret""");

        // when
        UpstreamRequest chat = adapter.toUpstream(chat(false), deployment);
        UpstreamRequest stream = adapter.toUpstream(chat(true), deployment);

        // then
        assertThat(chat.uri()).hasToString(
                "https://bedrock-runtime.eu-central-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(stream.uri().getRawPath()).endsWith("/converse-stream");
        assertThat(chat.headers()).contains(Map.entry("Accept", "application/json"));
        assertThat(stream.headers()).contains(Map.entry("Accept", "application/vnd.amazon.eventstream"));
    }

    @Test
    void should_drop_litellms_route_prefix_and_encode_an_inference_profile_arn_as_one_segment() {
        // given
        Deployment deployment = deployment("""
                model: bedrock/converse/arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0
                aws_region_name: us-east-1
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret""");

        // when
        UpstreamRequest chat = adapter.toUpstream(chat(false), deployment);

        // then
        assertThat(chat.uri().getRawPath()).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012"
                + "%3Ainference-profile%2Fus.meta.llama3-1-8b-instruct-v1%3A0/converse");
    }

    @Test
    void should_prefer_the_runtime_endpoint_setting_and_sign_for_the_configured_region() {
        // given
        Deployment deployment = deployment("""
                model: bedrock/amazon.nova-lite-v1:0
                aws_region_name: ap-southeast-2
                aws_bedrock_runtime_endpoint: "http://127.0.0.1:4599"
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret""");

        // when
        UpstreamRequest chat = adapter.toUpstream(chat(false), deployment);

        // then
        assertThat(chat.uri()).hasToString("http://127.0.0.1:4599/model/amazon.nova-lite-v1%3A0/converse");
        assertThat(header(chat, "Authorization")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250301/ap-southeast-2/bedrock/aws4_request, "));
        assertThat(header(chat, "X-Amz-Date")).contains("20250301T101530Z");
        assertThat(chat.headers()).extracting(Map.Entry::getKey).doesNotContain("Host", "host");
    }

    @Test
    void should_take_the_region_from_the_environment_or_default_to_litellms() {
        // when
        Deployment fromEnvironment = ConfigFiles.catalog(yaml("model: bedrock/amazon.nova-lite-v1:0"),
                Map.of("AWS_REGION", "eu-west-3")).groups().iterator().next().deployments().get(0);
        Deployment unset = deployment("model: bedrock/amazon.nova-lite-v1:0");

        // then
        assertThat(fromEnvironment.apiBase()).hasToString("https://bedrock-runtime.eu-west-3.amazonaws.com");
        assertThat(unset.apiBase()).hasToString("https://bedrock-runtime.us-west-2.amazonaws.com");
        assertThat(BedrockEndpoint.signingRegion(fromEnvironment, NO_ENVIRONMENT::get)).isEqualTo("eu-west-3");
    }

    @Test
    void should_send_a_bedrock_api_key_as_a_bearer_token_without_signing() {
        // given
        Deployment deployment = deployment("""
                model: bedrock/amazon.nova-lite-v1:0
                api_key: ABSKexample-bedrock-api-key
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret""");

        // when
        UpstreamRequest chat = adapter.toUpstream(chat(false), deployment);

        // then
        assertThat(header(chat, "Authorization")).contains("Bearer ABSKexample-bedrock-api-key");
        assertThat(header(chat, "X-Amz-Date")).isEmpty();
    }

    @Test
    void should_fall_back_to_the_environments_credentials_with_their_session_token() {
        // given
        BedrockAdapter withEnvironment = new BedrockAdapter(CLOCK, Map.of("AWS_ACCESS_KEY_ID", "ASIAENVIRONMENT",
                "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN", "env-session")::get);

        // when
        UpstreamRequest chat = withEnvironment.toUpstream(chat(false), deployment("""
                model: bedrock/amazon.nova-lite-v1:0
                aws_region_name: us-east-2"""));

        // then
        assertThat(header(chat, "Authorization")).hasValueSatisfying(value -> assertThat(value)
                .contains("Credential=ASIAENVIRONMENT/20250301/us-east-2/bedrock/aws4_request"));
        assertThat(header(chat, "X-Amz-Security-Token")).contains("env-session");
    }

    @Test
    void should_say_which_credentials_are_missing() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> adapter.toUpstream(chat(false), deployment("model: bedrock/amazon.nova-lite-v1:0")));

        // then
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.provider()).isEqualTo("bedrock");
        assertThat(error).hasMessageContaining("aws_access_key_id");
    }

    @Test
    void should_sign_the_extra_headers_it_sends() {
        // given
        Deployment deployment = deployment("""
                model: bedrock/amazon.nova-lite-v1:0
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret
                extra_headers: { X-Amzn-Bedrock-GuardrailIdentifier: gr-1 }""");

        // when
        UpstreamRequest chat = adapter.toUpstream(chat(false), deployment);

        // then
        assertThat(chat.headers()).contains(Map.entry("X-Amzn-Bedrock-GuardrailIdentifier", "gr-1"));
        assertThat(header(chat, "Authorization")).hasValueSatisfying(value -> assertThat(value)
                .contains("SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date;x-amzn-bedrock-guardrailidentifier,"));
    }

    @Test
    void should_apply_deployment_defaults_without_touching_the_request() throws IOException {
        // given
        Deployment deployment = deployment("""
                model: bedrock/amazon.nova-lite-v1:0
                aws_access_key_id: AKIDEXAMPLE
                aws_secret_access_key: secret
                temperature: 0.2
                max_tokens: 64
                timeout: 30
                stream_timeout: 5""");
        InferenceRequest request = chat(false);
        ObjectNode before = request.body().deepCopy();

        // when
        UpstreamRequest chat = adapter.toUpstream(request, deployment);

        // then
        assertThat(request.body()).isEqualTo(before);
        assertThat(Json.mapper().readTree(chat.body()).path("inferenceConfig"))
                .isEqualTo(Json.mapper().readTree("{\"maxTokens\": 64, \"temperature\": 0.2}"));
        assertThat(chat.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(adapter.toUpstream(chat(true), deployment).responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(chat.toString()).doesNotContain("secret");
    }

    @Test
    void should_embed_a_list_with_cohere_in_one_invoke_call() throws IOException {
        // when
        UpstreamRequest invoke = adapter.toUpstream(embeddings("[\"first text\", \"second text\"]"),
                signedDeployment("bedrock/cohere.embed-english-v3"));

        // then
        assertThat(invoke.uri().getRawPath()).isEqualTo("/model/cohere.embed-english-v3/invoke");
        assertThat(Json.mapper().readTree(invoke.body())).isEqualTo(Json.mapper().readTree(
                "{\"texts\": [\"first text\", \"second text\"], \"input_type\": \"search_document\"}"));
    }

    @Test
    void should_embed_one_text_with_titan_and_refuse_a_list() throws IOException {
        // given
        Deployment titan = signedDeployment("bedrock/amazon.titan-embed-text-v2:0");

        // when
        UpstreamRequest single = adapter.toUpstream(embeddings("\"only text\""), titan);
        GatewayException list = catchThrowableOfType(GatewayException.class,
                () -> adapter.toUpstream(embeddings("[\"a\", \"b\"]"), titan));

        // then
        assertThat(Json.mapper().readTree(single.body())).isEqualTo(Json.mapper().readTree("{\"inputText\": \"only text\"}"));
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.param()).isEqualTo("input");
        assertThat(list).hasMessageContaining("one input per call");
    }

    @Test
    void should_refuse_text_completions() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> adapter.toUpstream(
                RequestDecoder.decode(InferenceEndpoint.COMPLETIONS, "{\"model\":\"m\",\"prompt\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8)), signedDeployment("bedrock/amazon.nova-lite-v1:0")));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error).hasMessageContaining("/completions");
    }

    @Test
    void should_answer_embeddings_in_openai_format_for_both_families() throws IOException {
        // when
        JsonNode titan = Json.mapper().readTree(adapter.fromUpstream(embeddings("\"x\""),
                "{\"embedding\": [0.1, 0.2], \"inputTextTokenCount\": 3}".getBytes(StandardCharsets.UTF_8)));
        JsonNode cohere = Json.mapper().readTree(adapter.fromUpstream(embeddings("[\"a\",\"b\"]"),
                "{\"embeddings\": [[0.1], [0.2]], \"id\": \"x\", \"response_type\": \"embeddings_floats\"}"
                        .getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(titan).isEqualTo(Json.mapper().readTree("""
                {"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}],
                 "model": "public", "usage": {"prompt_tokens": 3, "total_tokens": 3}}"""));
        assertThat(cohere.path("data")).hasSize(2);
        assertThat(cohere.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(cohere.path("usage").path("prompt_tokens").asInt()).isZero();
    }

    private static Optional<String> header(UpstreamRequest request, String name) {
        return request.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    private static Deployment signedDeployment(String model) {
        return deployment("model: " + model + "\naws_access_key_id: AKIDEXAMPLE\naws_secret_access_key: secret");
    }

    private static Deployment deployment(String params) {
        return ConfigFiles.deployment(yaml(params));
    }

    private static String yaml(String params) {
        return "model_list:\n  - model_name: public\n    litellm_params:\n"
                + params.lines().map(line -> "      " + line + "\n").reduce("", String::concat);
    }

    private static InferenceRequest chat(boolean stream) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"public\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static InferenceRequest embeddings(String input) {
        return RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                ("{\"model\":\"public\",\"input\":" + input + "}").getBytes(StandardCharsets.UTF_8));
    }
}
