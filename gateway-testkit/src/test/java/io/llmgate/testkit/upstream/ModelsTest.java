package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsTest {
    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_list_built_in_and_scripted_models() throws Exception {
        // given
        upstream.script("my-finetune", Scenario.ok());

        // when
        var response = http.get("/models");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = OpenAiHttp.parse(response.body());
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data")).extracting(model -> model.get("id").asText())
                .contains("gpt-4o-mini", "my-finetune");
        assertThat(body.get("data")).allSatisfy(model -> {
            assertThat(model.get("object").asText()).isEqualTo("model");
            assertThat(model.get("created").asLong()).isPositive();
            assertThat(model.get("owned_by").asText()).isNotBlank();
        });
    }

    @Test
    void should_answer_404_for_an_unknown_model() throws Exception {
        // when
        var response = http.get("/models/nope");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(OpenAiHttp.parse(response.body()).at("/error/code").asText()).isEqualTo("model_not_found");
    }
}
