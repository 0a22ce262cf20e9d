package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI side of an embeddings call for Google's APIs, which embed text only: the input texts of
 * the request, and the {@code list} of {@code embedding} objects answered.
 */
public final class OpenAiEmbeddings {
    private OpenAiEmbeddings() {
    }

    /** {@code input} as texts: a string or an array of strings (token arrays have no meaning for Google). */
    public static List<String> texts(JsonNode body) {
        JsonNode input = body.path("input");
        List<String> texts = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.textValue());
            return texts;
        }
        for (JsonNode item : input) {
            if (!item.isTextual()) {
                throw GatewayException.invalidField("input", "input: Google embedding models take strings "
                        + "(expected: a string or an array of strings, got token ids)");
            }
            texts.add(item.textValue());
        }
        if (texts.isEmpty()) {
            throw GatewayException.invalidField("input", "input: empty (expected: a string or an array of strings)");
        }
        return texts;
    }

    /** @param vectors one array of floats per input, in input order */
    public static byte[] list(List<JsonNode> vectors, String model, int promptTokens) {
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            data.addObject().put("object", "embedding").put("index", i).set("embedding", vectors.get(i));
        }
        list.put("model", model);
        list.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return Json.bytes(list);
    }
}
