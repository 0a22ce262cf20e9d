package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

/**
 * An OpenAI embeddings request to an InvokeModel body for the embedding families Bedrock hosts. Cohere embeds a
 * list in one call ({@code {"texts": [...], "input_type": "search_document"}}, {@code input_type} overridable);
 * Titan embeds one text per call ({@code {"inputText": "..."}}, with {@code dimensions} and {@code normalize}),
 * so a list of several inputs is rejected for Titan rather than split into several calls.
 */
final class ToInvokeEmbeddings {
    private static final String INPUT = "input";

    private ToInvokeEmbeddings() {
    }

    static ObjectNode body(ObjectNode openAi, BedrockModelId model) {
        ArrayNode texts = texts(openAi.path(INPUT));
        ObjectNode body = Json.mapper().createObjectNode();
        if (model.id().contains("cohere.embed")) {
            body.set("texts", texts);
            body.put("input_type", openAi.path("input_type").asText("search_document"));
            copy(openAi, body, "truncate", "embedding_types");
        } else if (model.id().contains("titan-embed")) {
            if (texts.size() != 1) {
                throw GatewayException.invalidField(INPUT, model.id() + " embeds one input per call (got " + texts.size()
                        + "); send a single string, or use a cohere.embed-* model for lists");
            }
            body.set("inputText", texts.get(0));
            copy(openAi, body, "dimensions", "normalize");
        } else {
            throw GatewayException.invalidField("model", "bedrock embeddings support amazon.titan-embed-* and"
                    + " cohere.embed-* models, not " + model.id());
        }
        return body;
    }

    private static ArrayNode texts(JsonNode input) {
        ArrayNode texts = Json.mapper().createArrayNode();
        if (input.isTextual()) {
            return texts.add(input.textValue());
        }
        for (JsonNode item : input) {
            if (!item.isTextual()) {
                throw GatewayException.invalidField(INPUT, "bedrock embeds text: input must be a string or an array of"
                        + " strings (token arrays are not supported)");
            }
            texts.add(item);
        }
        if (texts.isEmpty()) {
            throw GatewayException.invalidField(INPUT, "input must not be empty");
        }
        return texts;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... names) {
        for (String name : names) {
            if (from.hasNonNull(name)) {
                to.set(name, from.get(name));
            }
        }
    }
}
