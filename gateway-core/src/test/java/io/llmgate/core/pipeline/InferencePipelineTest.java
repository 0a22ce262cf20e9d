package io.llmgate.core.pipeline;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.BeforeAll;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InferencePipelineTest extends LoopbackTest {
    private static InferencePipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new InferencePipeline(new FixedRuntime(ConfigFiles.load("""
                model_list:
                  - model_name: chat
                    litellm_params: { model: openai/pipeline-model, api_base: "%s" }
                """.formatted(upstream.baseUrl())), client));
    }

    @Test
    void should_route_a_known_model_group_to_its_deployment() throws Exception {
        // when
        CallOutcome outcome = pipeline.execute(call("chat")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        // then
        assertThat(outcome).isInstanceOf(CallOutcome.Answered.class);
        assertThat(outcome.deployment().modelGroup()).isEqualTo("chat");
        assertThat(upstream.requests()).anySatisfy(r -> assertThat(r.bodyJson().path("model").asText())
                .isEqualTo("pipeline-model"));
    }

    @Test
    void should_drop_unsupported_parameters_for_every_deployment_when_litellm_settings_say_so() throws Exception {
        // given
        InferencePipeline dropping = new InferencePipeline(new FixedRuntime(ConfigFiles.load("""
                model_list:
                  - model_name: groq-chat
                    litellm_params: { model: groq/pipeline-groq, api_base: "%s" }
                litellm_settings:
                  drop_params: true
                """.formatted(upstream.baseUrl())), client));
        InferenceCall call = new InferenceCall("call-drop", Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"groq-chat\",\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                        .getBytes(StandardCharsets.UTF_8)), System.nanoTime());

        // when
        CallOutcome outcome = dropping.execute(call).toCompletableFuture().get(10, TimeUnit.SECONDS);

        // then
        assertThat(outcome).isInstanceOf(CallOutcome.Answered.class);
        assertThat(upstream.requests()).filteredOn(r -> r.body().contains("pipeline-groq"))
                .singleElement().satisfies(r -> assertThat(r.bodyJson().has("logprobs")).isFalse());
    }

    @Test
    void should_fail_an_unknown_model_with_a_400_on_the_model_field_without_calling_upstream() {
        // given
        int before = upstream.requests().size();

        // when
        CompletableFuture<CallOutcome> result = pipeline.execute(call("no-such-model")).toCompletableFuture();

        // then
        Throwable thrown = catchThrowable(() -> result.get(1, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayException.class);
        GatewayException error = (GatewayException) thrown.getCause();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(error.param()).isEqualTo("model");
        assertThat(error.getMessage()).contains("model=no-such-model").contains("/v1/models");
        assertThat(upstream.requests()).hasSize(before);
    }

    @Test
    void should_shorten_a_long_unknown_model_name_in_the_error() {
        // given
        String longName = "m".repeat(5_000);

        // when
        Throwable thrown = catchThrowable(() -> pipeline.execute(call(longName)).toCompletableFuture().get(1, TimeUnit.SECONDS));

        // then
        assertThat(thrown.getCause().getMessage()).contains("m".repeat(100) + "…").doesNotContain("m".repeat(101));
    }

    private static InferenceCall call(String model) {
        return new InferenceCall("call-1", Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), System.nanoTime());
    }
}
