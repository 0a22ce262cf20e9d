package io.llmgate.testkit.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.util.Optional;
import java.util.UUID;

/**
 * {@link Reply.Embedding} answers of InvokeModel in the shape of the model family the request body is for:
 * Titan ({@code {"inputText"}} to {@code {"embedding", "inputTextTokenCount"}}) or Cohere ({@code {"texts"}} to
 * {@code {"embeddings", "id", "response_type", "texts"}}).
 */
final class InvokeEmbeddingsWire {
    private InvokeEmbeddingsWire() {
    }

    /** The answer, or empty when the body is neither family's request. */
    static Optional<ObjectNode> answer(JsonNode request, Reply.Embedding reply) {
        if (request.path("inputText").isTextual()) {
            ObjectNode answer = Replies.JSON.createObjectNode();
            answer.set("embedding", vector(reply.dimensions()));
            answer.put("inputTextTokenCount", reply.promptTokens());
            return Optional.of(answer);
        }
        if (request.path("texts").isArray()) {
            ObjectNode answer = Replies.JSON.createObjectNode();
            ArrayNode embeddings = answer.putArray("embeddings");
            request.get("texts").forEach(text -> embeddings.add(vector(reply.dimensions())));
            answer.put("id", UUID.randomUUID().toString());
            answer.put("response_type", "embeddings_floats");
            answer.set("texts", request.get("texts"));
            return Optional.of(answer);
        }
        return Optional.empty();
    }

    private static ArrayNode vector(int dimensions) {
        ArrayNode vector = Replies.JSON.createArrayNode();
        for (int i = 0; i < dimensions; i++) {
            vector.add(Reply.embeddingValue(i));
        }
        return vector;
    }
}
