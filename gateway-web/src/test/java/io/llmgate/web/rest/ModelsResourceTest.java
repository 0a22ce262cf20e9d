package io.llmgate.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.json.Json;
import io.llmgate.web.StaticRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelsResourceTest {
    private final ModelsResource models = new ModelsResource();

    ModelsResourceTest(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o }
                  - model_name: llama
                    litellm_params: { model: groq/llama-3.1-8b }
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o-2024-08-06 }
                  - model_name: org/with-slash
                    litellm_params: { model: hosted_vllm/org/with-slash, api_base: "http://vllm:8000/v1" }
                """);
        models.runtime = new StaticRuntime(new ConfigLoader(name -> null).load(file));
    }

    @Test
    void should_list_one_entry_per_model_group_in_config_order() throws Exception {
        // when
        JsonNode list = Json.mapper().readTree(models.list());

        // then
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("data")).extracting(m -> m.path("id").asText())
                .containsExactly("gpt-4o", "llama", "org/with-slash");
        assertThat(list.path("data")).allSatisfy(m -> {
            assertThat(m.path("object").asText()).isEqualTo("model");
            assertThat(m.path("created").isIntegralNumber()).isTrue();
        });
        assertThat(list.path("data").get(1).path("owned_by").asText()).isEqualTo("groq");
        assertThat(models.listWithoutVersion()).isEqualTo(models.list());
    }

    @Test
    void should_describe_one_model_group_even_with_a_slash_in_its_name() throws Exception {
        // when
        JsonNode model = Json.mapper().readTree(models.get("org/with-slash"));

        // then
        assertThat(model.path("id").asText()).isEqualTo("org/with-slash");
        assertThat(model.path("owned_by").asText()).isEqualTo("hosted_vllm");
        assertThat(models.getWithoutVersion("org/with-slash")).isEqualTo(models.get("org/with-slash"));
    }

    @Test
    void should_answer_404_for_an_unknown_model_with_a_shortened_name() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> models.get("x".repeat(500)));

        // then
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.type()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(error.getMessage()).contains("x".repeat(100) + "…").doesNotContain("x".repeat(101));
    }
}
