package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

/**
 * An OpenAI embeddings request as a Cohere v2 embed body: {@code texts}, float embeddings, {@code input_type}
 * (from the request or the deployment's params, else {@code search_document} as LiteLLM defaults), and
 * {@code dimensions} as {@code output_dimension}.
 */
final class ToCohereEmbed {
    static final String DEFAULT_INPUT_TYPE = "search_document";

    private ToCohereEmbed() {
    }

    static ObjectNode body(InferenceRequest request, Deployment deployment) {
        ObjectNode defaults = deployment.config().params().bodyDefaults();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", deployment.upstreamModel());
        body.set("texts", texts(request.body().path("input")));
        body.put("input_type", request.body().path("input_type")
                .asText(defaults.path("input_type").asText(DEFAULT_INPUT_TYPE)));
        body.putArray("embedding_types").add("float");
        JsonNode dimensions = request.body().path("dimensions");
        if (dimensions.isInt()) {
            body.put("output_dimension", dimensions.intValue());
        }
        JsonNode truncate = request.body().path("truncate");
        if (truncate.isTextual()) {
            body.put("truncate", truncate.textValue());
        }
        return body;
    }

    private static ArrayNode texts(JsonNode input) {
        ArrayNode texts = JsonNodeFactory.instance.arrayNode();
        if (input.isTextual()) {
            return texts.add(input.textValue());
        }
        for (JsonNode item : input) {
            if (!item.isTextual()) {
                throw GatewayException.invalidField("input",
                        "input: cohere embeds text only (expected: a string or an array of strings, not token ids)");
            }
            texts.add(item.textValue());
        }
        return texts;
    }
}
