package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.Json;
import io.llmgate.it.support.ProviderConformance;
import io.llmgate.it.support.ProviderDeployments;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.EnumSet;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** Cohere's v2 chat and embed APIs through the deployed gateway, plus drop_params for a parameter Cohere lacks. */
class CohereConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("cohere", "conformance-cohere-chat", "command-r-plus-conformance", "conformance-cohere-embed",
                "embed-english-v3.0", EnumSet.complementOf(EnumSet.of(Capability.RETRY_AFTER)));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.path()).isEqualTo("/v2/chat");
        assertThat(request.header("Authorization")).contains("Bearer " + ProviderDeployments.COHERE_KEY);
        assertThat(request.bodyJson().path("max_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void should_refuse_a_parameter_cohere_lacks_unless_drop_params_is_set() {
        provider.script(subject().chatUpstream(), Reply.text("Dropped."));

        HttpResponse<String> refused = gateway.post("/v1/chat/completions", """
                {"model": "conformance-cohere-chat", "messages": [{"role": "user", "content": "Hi"}],
                 "logit_bias": {"50256": -100}}""");
        HttpResponse<String> dropped = gateway.post("/v1/chat/completions", """
                {"model": "conformance-cohere-chat", "messages": [{"role": "user", "content": "Hi"}],
                 "logit_bias": {"50256": -100}, "drop_params": true}""");

        assertThatResponse(refused).hasStatus(400).hasErrorType("invalid_request_error");
        JsonNode error = Json.parse(refused.body()).path("error");
        assertThat(error.path("message").asText()).contains("cohere does not support parameters: ['logit_bias']");
        assertThatResponse(dropped).hasStatus(200);
        assertThat(provider.requests()).hasSize(1);
        assertThat(provider.requests().get(0).bodyJson().has("logit_bias")).isFalse();
        assertThat(provider.requests().get(0).bodyJson().has("drop_params")).isFalse();
    }
}
