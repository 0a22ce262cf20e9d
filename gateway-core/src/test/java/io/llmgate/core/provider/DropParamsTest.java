package io.llmgate.core.provider;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DropParamsTest {
    private static final String COHERE = """
            model_list:
              - model_name: command
                litellm_params: { model: cohere/command-r-plus, api_key: co-test %s }
            """;

    @Test
    void should_refuse_an_unsupported_parameter_naming_it_and_the_provider() {
        // given
        InferenceRequest request = chat("\"logit_bias\":{\"50256\":-100},\"temperature\":0.2");

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> DropParams.apply(request, cohere(""), false));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(error.provider()).isEqualTo("cohere");
        assertThat(error.retriable()).isFalse();
        assertThat(error.getMessage()).startsWith("cohere does not support parameters: ['logit_bias'], for model=command-r-plus.")
                .contains("drop_params: true");
    }

    @Test
    void should_drop_an_unsupported_parameter_when_the_request_asks_and_remove_the_flag() {
        // given
        InferenceRequest request = chat("\"logit_bias\":{\"1\":2},\"temperature\":0.2,\"drop_params\":true");

        // when
        InferenceRequest dropped = DropParams.apply(request, cohere(""), false);

        // then
        assertThat(dropped.body().has("logit_bias")).isFalse();
        assertThat(dropped.body().has("drop_params")).isFalse();
        assertThat(dropped.body().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(request.body().has("logit_bias")).as("the caller's request is untouched").isTrue();
    }

    @Test
    void should_drop_when_the_deployment_sets_drop_params() {
        // when
        InferenceRequest dropped = DropParams.apply(chat("\"user\":\"u-1\",\"n\":2"), cohere(", drop_params: true"), false);

        // then
        assertThat(dropped.body().has("user")).isFalse();
        assertThat(dropped.body().has("n")).isFalse();
    }

    @Test
    void should_drop_when_litellm_settings_set_drop_params() {
        // when
        InferenceRequest dropped = DropParams.apply(chat("\"user\":\"u-1\""), cohere(""), true);

        // then
        assertThat(dropped.body().has("user")).isFalse();
    }

    @Test
    void should_always_drop_additional_drop_params_from_deployment_and_request() {
        // given
        Deployment openAi = ConfigFiles.deployment("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o, additional_drop_params: [logit_bias, custom_flag] }
                """);
        InferenceRequest request = chat("\"logit_bias\":{\"1\":2},\"custom_flag\":1,\"seed\":3,"
                + "\"additional_drop_params\":[\"seed\"]");

        // when
        InferenceRequest dropped = DropParams.apply(request, openAi, false);

        // then
        assertThat(dropped.body().has("logit_bias")).isFalse();
        assertThat(dropped.body().has("custom_flag")).isFalse();
        assertThat(dropped.body().has("seed")).isFalse();
        assertThat(dropped.body().has("additional_drop_params")).isFalse();
        assertThat(dropped.body().has("messages")).isTrue();
    }

    @Test
    void should_treat_an_additional_drop_param_as_dropped_rather_than_unsupported() {
        // when
        InferenceRequest dropped = DropParams.apply(chat("\"logit_bias\":{},\"additional_drop_params\":[\"logit_bias\"]"),
                cohere(""), false);

        // then
        assertThat(dropped.body().has("logit_bias")).isFalse();
    }

    @Test
    void should_pass_the_same_request_when_nothing_is_removed() {
        // given
        InferenceRequest request = chat("\"temperature\":0.2,\"k\":5");

        // when
        InferenceRequest same = DropParams.apply(request, cohere(""), false);

        // then
        assertThat(same).isSameAs(request);
    }

    @Test
    void should_silently_remove_an_unsupported_parameter_sent_as_null() {
        // when
        InferenceRequest dropped = DropParams.apply(chat("\"logit_bias\":null"), cohere(""), false);

        // then
        assertThat(dropped.body().has("logit_bias")).isFalse();
    }

    @Test
    void should_let_a_pass_through_provider_take_every_parameter() {
        // given
        Deployment openAi = ConfigFiles.deployment("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o }
                """);
        InferenceRequest request = chat("\"logit_bias\":{\"1\":2},\"user\":\"u\",\"n\":2,\"store\":true");

        // when
        InferenceRequest same = DropParams.apply(request, openAi, false);

        // then
        assertThat(same).isSameAs(request);
    }

    @Test
    void should_judge_embeddings_against_the_embedding_parameters() {
        // given
        InferenceRequest request = RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS,
                "{\"model\":\"command\",\"input\":\"x\",\"user\":\"u\"}".getBytes(StandardCharsets.UTF_8));

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> DropParams.apply(request, cohere(""), false));

        // then
        assertThat(error.getMessage()).contains("['user']");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "anthropic/claude-sonnet-4-5 | frequency_penalty | 0.5",
            "gemini/gemini-2.0-flash | logit_bias | {\"50256\": -100}",
            "vertex_ai/gemini-2.0-flash | logprobs | true",
            "bedrock/anthropic.claude-3-haiku-20240307-v1:0 | response_format | {\"type\": \"json_object\"}"})
    void should_judge_what_each_translating_adapter_declares_it_lacks(String model, String param, String value) {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: "%s", api_key: k-test, api_base: "http://127.0.0.1:9" }
                """.formatted(model));
        String field = "\"" + param + "\":" + value;

        // when
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> DropParams.apply(chat(field + ",\"user\":\"u-1\""), deployment, false));
        InferenceRequest dropped = DropParams.apply(chat(field + ",\"user\":\"u-1\",\"drop_params\":true"), deployment, false);

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("['" + param + "']");
        assertThat(dropped.body().has(param)).isFalse();
        assertThat(dropped.body().path("user").asText()).as("harmless parameters pass").isEqualTo("u-1");
    }

    private static Deployment cohere(String extra) {
        return ConfigFiles.deployment(COHERE.formatted(extra));
    }

    private static InferenceRequest chat(String fields) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, ("{\"model\":\"command\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + fields + "}").getBytes(StandardCharsets.UTF_8));
    }

}
