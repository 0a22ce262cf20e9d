package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * Turns an OpenAI tool or response JSON schema into the OpenAPI subset Gemini accepts, as LiteLLM does:
 * local {@code $ref}s are inlined, {@code anyOf [X, null]} and {@code type: [X, "null"]} become
 * {@code nullable}, and keys Gemini rejects ({@code additionalProperties}, {@code $schema}, {@code strict},
 * {@code title}, ...) are dropped. The input is never modified.
 */
final class GeminiSchema {
    private static final Set<String> KEPT = Set.of("type", "format", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength",
            "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");
    /** Deeper schemas are almost certainly recursive {@code $ref}s: cut them rather than loop. */
    private static final int MAX_DEPTH = 32;

    private GeminiSchema() {
    }

    static ObjectNode clean(JsonNode schema) {
        JsonNode defs = schema.has("$defs") ? schema.get("$defs") : schema.path("definitions");
        return clean(schema, defs, 0);
    }

    private static ObjectNode clean(JsonNode schema, JsonNode defs, int depth) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!schema.isObject() || depth > MAX_DEPTH) {
            return out;
        }
        JsonNode resolved = resolve(schema, defs);
        if (resolved != schema) {
            return clean(resolved, defs, depth + 1);
        }
        JsonNode nonNull = nullableAlternative(schema.path("anyOf"));
        if (nonNull != null) {
            ObjectNode inner = clean(nonNull, defs, depth + 1);
            copyDescription(schema, inner);
            return inner.put("nullable", true);
        }
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!KEPT.contains(key)) {
                continue;
            }
            switch (key) {
                case "type" -> type(value, out);
                case "properties" -> out.set(key, properties(value, defs, depth));
                case "items" -> out.set(key, clean(value, defs, depth + 1));
                case "anyOf" -> out.set(key, alternatives(value, defs, depth));
                default -> out.set(key, value.deepCopy());
            }
        }
        if (out.has("properties") && !out.has("type")) {
            out.put("type", "object");
        }
        return out;
    }

    /** JSON schema allows {@code "type": ["string", "null"]}; OpenAPI has one type and {@code nullable}. */
    private static void type(JsonNode value, ObjectNode out) {
        if (!value.isArray()) {
            out.set("type", value.deepCopy());
            return;
        }
        for (JsonNode type : value) {
            if ("null".equals(type.asText())) {
                out.put("nullable", true);
            } else if (!out.has("type")) {
                out.put("type", type.asText());
            }
        }
    }

    private static ObjectNode properties(JsonNode properties, JsonNode defs, int depth) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        properties.properties().forEach(p -> out.set(p.getKey(), clean(p.getValue(), defs, depth + 1)));
        return out;
    }

    private static ArrayNode alternatives(JsonNode anyOf, JsonNode defs, int depth) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        anyOf.forEach(alternative -> out.add(clean(alternative, defs, depth + 1)));
        return out;
    }

    /** The one non-null alternative of a two-way {@code anyOf} with {@code {"type": "null"}}, else null. */
    private static JsonNode nullableAlternative(JsonNode anyOf) {
        if (!anyOf.isArray() || anyOf.size() != 2) {
            return null;
        }
        boolean firstNull = "null".equals(anyOf.get(0).path("type").asText());
        boolean secondNull = "null".equals(anyOf.get(1).path("type").asText());
        return firstNull == secondNull ? null : anyOf.get(firstNull ? 1 : 0);
    }

    private static void copyDescription(JsonNode from, ObjectNode to) {
        if (from.has("description") && !to.has("description")) {
            to.set("description", from.get("description").deepCopy());
        }
    }

    /** {@code {"$ref": "#/$defs/Name"}} (or {@code #/definitions/Name}) to the definition, else the schema itself. */
    private static JsonNode resolve(JsonNode schema, JsonNode defs) {
        String ref = schema.path("$ref").asText("");
        int slash = ref.lastIndexOf('/');
        if (!ref.startsWith("#/") || slash < 0) {
            return schema;
        }
        JsonNode target = defs.path(ref.substring(slash + 1));
        return target.isObject() ? target : schema;
    }
}
