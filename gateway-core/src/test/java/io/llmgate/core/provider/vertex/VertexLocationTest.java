package io.llmgate.core.provider.vertex;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VertexLocationTest {

    @Test
    void should_use_the_regional_host_of_the_location() {
        // when
        var uri = new VertexLocation("my-project", "europe-west4").uri(deployment(""), ":generateContent", null);

        // then
        assertThat(uri).hasToString("https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/"
                + "europe-west4/publishers/google/models/gemini-2.5-pro:generateContent");
    }

    @Test
    void should_use_the_global_host_for_the_global_location() {
        // when
        var uri = new VertexLocation("my-project", "global").uri(deployment(""), ":streamGenerateContent", "alt=sse");

        // then
        assertThat(uri).hasToString("https://aiplatform.googleapis.com/v1/projects/my-project/locations/global/"
                + "publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    }

    @Test
    void should_let_api_base_replace_the_host() {
        // when
        var uri = new VertexLocation("p", "us-east5").uri(deployment("api_base: \"http://127.0.0.1:9/proxy\","),
                ":predict", null);

        // then
        assertThat(uri).hasToString("http://127.0.0.1:9/proxy/v1/projects/p/locations/us-east5/publishers/google/models/"
                + "gemini-2.5-pro:predict");
    }

    private static Deployment deployment(String apiBase) {
        return ConfigFiles.deployment("""
                model_list:
                  - model_name: public
                    litellm_params: { model: vertex_ai/gemini-2.5-pro, %s vertex_project: p }
                """.formatted(apiBase));
    }
}
