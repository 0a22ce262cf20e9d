package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI endpoints besides chat: embeddings, legacy completions, the model list; and the unauthenticated health probes. */
class OpenAiEndpointsIT extends DeployedGatewayTestBase {

    private static final String EMBEDDING_REQUEST = """
            {"model": "text-embedding-3-small", "input": "The food was delicious"}
            """;
    private static final String COMPLETION_REQUEST = """
            {"model": "gpt-4o-mini", "prompt": "Say this is a test", "max_tokens": 7}
            """;

    @Test
    void should_return_embeddings_from_the_upstream() {
        // when
        HttpResponse<String> response = gateway.post("/v1/embeddings", EMBEDDING_REQUEST);

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = assertThatResponse(response).json();
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").path(0).path("object").asText()).isEqualTo("embedding");
        assertThat(body.path("data").path(0).path("embedding")).isNotEmpty();
        assertThat(upstreamBodiesFor("/v1/embeddings")).singleElement()
                .satisfies(sent -> assertThat(sent.path("model").asText()).isEqualTo("text-embedding-3-small"));
    }

    @Test
    void should_return_a_text_completion_from_the_upstream() {
        // given
        upstream.script("gpt-4o-mini", Scenario.content("This is a test."));

        // when
        HttpResponse<String> response = gateway.post("/v1/completions", COMPLETION_REQUEST);

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = assertThatResponse(response).json();
        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.path("choices").path(0).path("text").asText()).isEqualTo("This is a test.");
        assertThat(upstreamBodiesFor("/v1/completions")).singleElement()
                .satisfies(sent -> assertThat(sent.path("model").asText()).isEqualTo("gpt-4o-mini"));
    }

    @Test
    void should_list_every_configured_model_name() {
        // when
        HttpResponse<String> response = gateway.get("/v1/models");

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = assertThatResponse(response).json();
        assertThat(body.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(model -> ids.add(model.path("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().containsAll(GatewayConfigFile.MODEL_NAMES);
        assertThat(body.path("data")).allSatisfy(model -> assertThat(model.path("object").asText()).isEqualTo("model"));
    }

    @Test
    void should_describe_one_configured_model() {
        // when
        HttpResponse<String> response = gateway.get("/v1/models/local-vllm");

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = assertThatResponse(response).json();
        assertThat(body.path("id").asText()).isEqualTo("local-vllm");
        assertThat(body.path("object").asText()).isEqualTo("model");
    }

    @Test
    void should_answer_404_in_openai_shape_for_an_unknown_model() {
        // when
        HttpResponse<String> response = gateway.get("/v1/models/no-such-model");

        // then
        assertThatResponse(response).hasStatus(404).hasOpenAiErrorBody();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /models                |
            GET  | /models/gpt-4o-mini    |
            POST | /embeddings            | {"model": "text-embedding-3-small", "input": "hi"}
            POST | /completions           | {"model": "gpt-4o-mini", "prompt": "hi"}
            """)
    void should_serve_the_openai_endpoints_without_the_v1_prefix(String method, String path, String body) {
        // when
        HttpResponse<String> response = method.equals("GET") ? gateway.get(path) : gateway.post(path, body);

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/liveliness", "/health/liveness"})
    void should_answer_liveness_probes_without_a_key(String path) {
        // when
        HttpResponse<String> response = gateway.send(gateway.newGet(path));

        // then
        assertThatResponse(response).hasStatus(200);
    }

    @Test
    void should_report_the_database_as_connected_when_ready() {
        // when
        HttpResponse<String> response = gateway.send(gateway.newGet("/health/readiness"));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        assertThat(assertThatResponse(response).json().path("db").asText()).isEqualTo("connected");
    }

    private List<JsonNode> upstreamBodiesFor(String path) {
        return upstream.requests().stream()
                .filter(request -> request.path().equals(path))
                .map(RecordedRequest::bodyJson)
                .toList();
    }
}
