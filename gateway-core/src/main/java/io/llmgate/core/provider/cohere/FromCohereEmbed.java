package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.request.InferenceRequest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A Cohere v2 embed answer ({@code embeddings.float}, {@code meta.billed_units.input_tokens}) as OpenAI's
 * embedding list. {@code encoding_format: "base64"} (what OpenAI's Python SDK asks for by default) gets each
 * vector as little-endian float32 bytes in base64, as OpenAI sends it.
 */
final class FromCohereEmbed {
    private FromCohereEmbed() {
    }

    static ObjectNode embeddings(InferenceRequest request, byte[] upstreamBody) {
        JsonNode answer = ProviderErrors.parse(upstreamBody);
        boolean base64 = "base64".equals(request.body().path("encoding_format").asText());
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        JsonNode vectors = answer.path("embeddings").path("float");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(vectors.get(i)));
            } else {
                item.set("embedding", vectors.get(i));
            }
        }
        list.put("model", request.model());
        long tokens = answer.path("meta").path("billed_units").path("input_tokens").asLong(0);
        list.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return list;
    }

    private static String base64(JsonNode vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        vector.forEach(value -> bytes.putFloat(value.floatValue()));
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
