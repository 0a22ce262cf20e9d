package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /v1/embeddings}: one unit-length vector per input, derived from the input's text so
 * the same input always embeds the same way. {@code encoding_format: "base64"} returns the
 * little-endian float32 bytes in base64, as OpenAI does.
 */
final class EmbeddingsEndpoint implements Endpoint {
    static final int DEFAULT_DIMENSIONS = 8;

    @Override
    public void answer(HttpExchange exchange, ObjectNode request, Scenario scenario) throws IOException {
        JsonNode input = request.get("input");
        if (input == null || input.isNull()) {
            WholeReply.json(exchange, 400, Endpoint.missingParameter("input"));
            return;
        }
        int dimensions = request.path("dimensions").asInt(DEFAULT_DIMENSIONS);
        if (dimensions < 1) {
            WholeReply.json(exchange, 400, OpenAiError.body("dimensions: " + dimensions + " (expected: >= 1)",
                    OpenAiError.INVALID_REQUEST, "dimensions", null));
            return;
        }
        boolean base64 = "base64".equals(request.path("encoding_format").asText("float"));
        ObjectNode response = Json.object().put("object", "list");
        ArrayNode data = response.putArray("data");
        int promptTokens = 0;
        List<JsonNode> inputs = inputs(input);
        for (int index = 0; index < inputs.size(); index++) {
            JsonNode one = inputs.get(index);
            promptTokens += one.isArray() ? one.size() : Usage.estimateTokens(one.asText().length());
            float[] vector = vector(one.toString(), dimensions);
            ObjectNode embedding = data.addObject().put("object", "embedding").put("index", index);
            if (base64) {
                embedding.put("embedding", base64(vector));
            } else {
                ArrayNode values = embedding.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        response.put("model", request.get("model").asText());
        response.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        WholeReply.json(exchange, response, scenario);
    }

    /** A string or a token array is one input; an array of strings or of token arrays is many. */
    private static List<JsonNode> inputs(JsonNode input) {
        if (!input.isArray() || input.isEmpty() || input.get(0).isNumber()) {
            return List.of(input);
        }
        List<JsonNode> inputs = new ArrayList<>();
        input.forEach(inputs::add);
        return inputs;
    }

    private static float[] vector(String seedText, int dimensions) {
        SplittableRandom random = new SplittableRandom(seedText.hashCode());
        float[] vector = new float[dimensions];
        double squares = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            squares += vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
