package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** One {@link ProviderCall} attempt as a provider's loopback test makes it: request in, answer, chunks or error out. */
final class Attempts {
    private final UpstreamClient client;

    Attempts(UpstreamClient client) {
        this.client = client;
    }

    JsonNode answer(Deployment deployment, InferenceRequest request) {
        CallOutcome.Answered answered = (CallOutcome.Answered) perform(deployment, request);
        return parse(answered.body());
    }

    List<JsonNode> chunks(Deployment deployment, InferenceRequest request) throws InterruptedException {
        CallOutcome.Streaming streaming = (CallOutcome.Streaming) perform(deployment, request);
        List<JsonNode> chunks = new ArrayList<>();
        byte[] payload;
        while ((payload = streaming.events().next()) != null) {
            chunks.add(parse(payload));
        }
        assertThat(streaming.finished().toCompletableFuture()).isCompletedWithValue(null);
        return chunks;
    }

    GatewayException failure(Deployment deployment, InferenceRequest request) {
        Throwable thrown = catchThrowable(() -> outcome(deployment, request));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayException.class);
        return (GatewayException) thrown.getCause();
    }

    static InferenceRequest chat(String json) {
        return RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS, json.getBytes(StandardCharsets.UTF_8));
    }

    static InferenceRequest embeddings(String json) {
        return RequestDecoder.decode(InferenceEndpoint.EMBEDDINGS, json.getBytes(StandardCharsets.UTF_8));
    }

    private CallOutcome perform(Deployment deployment, InferenceRequest request) {
        try {
            return outcome(deployment, request);
        } catch (Exception e) {
            throw new AssertionError("the call failed", e);
        }
    }

    private CallOutcome outcome(Deployment deployment, InferenceRequest request) throws Exception {
        return ProviderCalls.perform(client, deployment, request);
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
