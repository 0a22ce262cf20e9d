package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI embeddings over AI Studio's {@code batchEmbedContents}: one request per input text, one
 * {@code embeddings[].values} per input back. Gemini reports no token count here, so usage is zero.
 */
final class GeminiEmbeddings {
    private GeminiEmbeddings() {
    }

    static ObjectNode toBatchEmbedContents(JsonNode body, String model) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ArrayNode requests = request.putArray("requests");
        for (String text : OpenAiEmbeddings.texts(body)) {
            ObjectNode item = requests.addObject().put("model", "models/" + model);
            item.putObject("content").putArray("parts").addObject().put("text", text);
            if (body.hasNonNull("dimensions")) {
                item.put("outputDimensionality", body.get("dimensions").asInt());
            }
        }
        return request;
    }

    static byte[] fromBatchEmbedContents(byte[] body, String model) {
        List<JsonNode> vectors = new ArrayList<>();
        for (JsonNode embedding : ProviderErrors.parse(body).path("embeddings")) {
            vectors.add(embedding.path("values"));
        }
        if (vectors.isEmpty()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, "gemini answered batchEmbedContents without "
                    + "embeddings", true, "gemini", model, null);
        }
        return OpenAiEmbeddings.list(vectors, model, 0);
    }
}
