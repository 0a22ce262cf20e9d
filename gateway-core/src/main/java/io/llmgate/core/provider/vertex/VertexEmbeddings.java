package io.llmgate.core.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.gemini.OpenAiEmbeddings;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI embeddings over Vertex's {@code :predict}: one instance per input text, one
 * {@code predictions[].embeddings.values} per input back, the token count summed from each
 * prediction's {@code statistics.token_count}.
 */
final class VertexEmbeddings {
    private VertexEmbeddings() {
    }

    static ObjectNode toPredict(JsonNode body) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode instances = request.putArray("instances");
        OpenAiEmbeddings.texts(body).forEach(text -> instances.addObject().put("content", text));
        if (body.hasNonNull("dimensions")) {
            request.putObject("parameters").put("outputDimensionality", body.get("dimensions").asInt());
        }
        return request;
    }

    static byte[] fromPredict(byte[] body, String model) {
        List<JsonNode> vectors = new ArrayList<>();
        int tokens = 0;
        for (JsonNode prediction : ProviderErrors.parse(body).path("predictions")) {
            JsonNode embeddings = prediction.path("embeddings");
            vectors.add(embeddings.path("values"));
            tokens += embeddings.path("statistics").path("token_count").asInt(0);
        }
        if (vectors.isEmpty()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, VertexAdapter.PROVIDER + " answered :predict "
                    + "without predictions", true, VertexAdapter.PROVIDER, model, null);
        }
        return OpenAiEmbeddings.list(vectors, model, tokens);
    }
}
