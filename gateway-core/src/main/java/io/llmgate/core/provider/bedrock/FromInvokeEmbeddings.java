package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderErrors;

/**
 * An InvokeModel embeddings answer to OpenAI's {@code {"object": "list", "data": [...]}}, told apart by shape:
 * Titan's {@code {"embedding": [...], "inputTextTokenCount": n}}, Cohere's {@code {"embeddings": [[...], ...]}}
 * (or {@code {"embeddings": {"float": [...]}}} when embedding types were asked for). Cohere on Bedrock counts no
 * tokens in its body, so its usage is 0.
 */
final class FromInvokeEmbeddings {
    private FromInvokeEmbeddings() {
    }

    static byte[] embeddings(byte[] invokeBody, String model) {
        JsonNode answer = ProviderErrors.parse(invokeBody);
        ArrayNode vectors = Json.mapper().createArrayNode();
        int tokens = 0;
        if (answer.path("embedding").isArray()) {
            vectors.add(answer.get("embedding"));
            tokens = answer.path("inputTextTokenCount").asInt(0);
        } else if (answer.path("embeddings").isArray()) {
            vectors.addAll((ArrayNode) answer.get("embeddings"));
        } else if (answer.path("embeddings").path("float").isArray()) {
            vectors.addAll((ArrayNode) answer.get("embeddings").get("float"));
        } else {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, "bedrock answered without embeddings", true,
                    BedrockAdapter.PROVIDER, model, null);
        }
        ObjectNode list = Json.mapper().createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            item.set("embedding", vectors.get(i));
        }
        list.put("model", model);
        list.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return Json.bytes(list);
    }
}
