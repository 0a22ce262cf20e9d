package io.llmgate.core.health;

import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProbePlanTest {

    @Test
    void should_ask_a_chat_deployment_for_one_token_in_answer_to_one_short_user_message() {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: chat
                    litellm_params: { model: openai/gpt-4o, api_base: "http://127.0.0.1:1/v1" }
                """);

        // when
        ProbePlan plan = ProbePlan.of(deployment).plan().orElseThrow();

        // then
        assertThat(plan.request().endpoint()).isEqualTo(InferenceEndpoint.CHAT_COMPLETIONS);
        assertThat(plan.request().stream()).isFalse();
        assertThat(plan.request().body().path("max_tokens").asInt()).isEqualTo(1);
        assertThat(plan.request().body().path("messages")).hasSize(1);
        assertThat(plan.request().body().path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(plan.request().body().path("messages").get(0).path("content").asText()).isNotBlank();
        assertThat(plan.target().upstreamModel()).isEqualTo("gpt-4o");
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void should_embed_a_short_input_for_an_embedding_deployment() {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: embed
                    litellm_params: { model: openai/text-embedding-3-small, api_base: "http://127.0.0.1:1/v1" }
                    model_info: { mode: embedding }
                """);

        // when
        ProbePlan plan = ProbePlan.of(deployment).plan().orElseThrow();

        // then
        assertThat(plan.request().endpoint()).isEqualTo(InferenceEndpoint.EMBEDDINGS);
        assertThat(plan.request().body().path("input")).hasSize(1);
        assertThat(plan.request().body().has("max_tokens")).isFalse();
    }

    @Test
    void should_complete_one_token_of_text_for_a_completion_deployment() {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: instruct
                    litellm_params: { model: openai/gpt-3.5-turbo-instruct, api_base: "http://127.0.0.1:1/v1" }
                    model_info: { mode: completion }
                """);

        // when
        ProbePlan plan = ProbePlan.of(deployment).plan().orElseThrow();

        // then
        assertThat(plan.request().endpoint()).isEqualTo(InferenceEndpoint.COMPLETIONS);
        assertThat(plan.request().body().path("prompt").asText()).isNotBlank();
        assertThat(plan.request().body().path("max_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void should_call_the_health_check_model_of_a_wildcard_deployment_without_its_provider_prefix() {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: "openai/*"
                    litellm_params: { model: "openai/*", api_base: "http://127.0.0.1:1/v1" }
                    model_info: { health_check_model: openai/gpt-4o-mini }
                """);

        // when
        ProbePlan plan = ProbePlan.of(deployment).plan().orElseThrow();

        // then
        assertThat(plan.target().upstreamModel()).isEqualTo("gpt-4o-mini");
        assertThat(plan.target().id()).isEqualTo(deployment.id());
    }

    @Test
    void should_bound_the_call_by_health_check_timeout_and_never_beyond_the_deployments_timeout() {
        // given
        var catalog = ConfigFiles.catalog("""
                model_list:
                  - model_name: short-check
                    litellm_params: { model: openai/a, api_base: "http://127.0.0.1:1/v1", timeout: 30 }
                    model_info: { health_check_timeout: 2.5 }
                  - model_name: short-deployment
                    litellm_params: { model: openai/b, api_base: "http://127.0.0.1:1/v1", timeout: 1 }
                    model_info: { health_check_timeout: 20 }
                """);
        Deployment shortCheck = catalog.group("short-check").orElseThrow().deployments().get(0);
        Deployment shortDeployment = catalog.group("short-deployment").orElseThrow().deployments().get(0);

        // when
        ProbePlan checkBound = ProbePlan.of(shortCheck).plan().orElseThrow();
        ProbePlan deploymentBound = ProbePlan.of(shortDeployment).plan().orElseThrow();

        // then
        assertThat(checkBound.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(checkBound.target().timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(deploymentBound.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a mode without a minimal call | model: openai/dall-e-3       | mode: image_generation    | model_info.mode \"image_generation\"",
            "a wildcard without a model    | model: \"openai/*\"          | mode: chat                | model_info.health_check_model",
            "a timeout that is no number   | model: openai/gpt-4o         | health_check_timeout: soon | model_info.health_check_timeout"})
    void should_not_check_a_deployment_it_has_no_sound_call_for(String what, String model, String info, String reason) {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: "unchecked"
                    litellm_params: { %s, api_base: "http://127.0.0.1:1/v1" }
                    model_info: { %s }
                """.formatted(model, info));

        // when
        ProbePlan.Result result = ProbePlan.of(deployment);

        // then
        assertThat(result.plan()).isEmpty();
        assertThat(result.reason()).contains(reason);
    }
}
