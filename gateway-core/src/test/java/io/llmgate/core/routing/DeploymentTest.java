package io.llmgate.core.routing;

import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentTest {

    @ParameterizedTest(name = "{0} + {1} ? {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https://x.openai.azure.com                    | /openai/deployments/d/chat/completions | api-version=2024-10-21 | https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21",
            "https://x.openai.azure.com/                   | /chat/completions                      | -                      | https://x.openai.azure.com/chat/completions",
            "https://apim.example.com/gw?subscription=abc  | /chat/completions                      | -                      | https://apim.example.com/gw/chat/completions?subscription=abc",
            "https://apim.example.com/gw?subscription=abc  | /chat/completions                      | api-version=v          | https://apim.example.com/gw/chat/completions?subscription=abc&api-version=v",
            "http://vllm:8000/v1                           | /embeddings                            | ''                     | http://vllm:8000/v1/embeddings",
    })
    void should_append_the_path_to_the_base_and_keep_the_bases_query_before_the_added_one(String base, String path,
                                                                                            String query, String expected) {
        // given
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: m
                    litellm_params: { model: openai/m, api_base: "%s" }
                """.formatted(base));

        // when
        var uri = deployment.resolve(path, query);

        // then
        assertThat(uri).hasToString(expected);
    }
}
