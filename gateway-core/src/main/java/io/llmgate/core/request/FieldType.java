package io.llmgate.core.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.GatewayException;

import java.util.function.Predicate;

/**
 * JSON types a request field may be required to have, with the words used in error messages. Shared by
 * the OpenAI routes' {@link RequestDecoder} and the Anthropic Messages decoder.
 */
public enum FieldType {
    STRING("a string", JsonNode::isTextual),
    BOOLEAN("a boolean", JsonNode::isBoolean),
    INTEGER("an integer", JsonNode::isIntegralNumber),
    NUMBER("a number", JsonNode::isNumber),
    OBJECT("an object", JsonNode::isObject),
    ARRAY("an array", JsonNode::isArray),
    STRING_OR_ARRAY("a string or an array", n -> n.isTextual() || n.isArray()),
    STRING_OR_OBJECT("a string or an object", n -> n.isTextual() || n.isObject());

    private final String description;
    private final Predicate<JsonNode> test;

    FieldType(String description, Predicate<JsonNode> test) {
        this.description = description;
        this.test = test;
    }

    public boolean accepts(JsonNode value) {
        return test.test(value);
    }

    public String description() {
        return description;
    }

    /** The 400 for {@code field} holding {@code actual} instead of this type; never quotes the value. */
    public GatewayException mismatch(String field, JsonNode actual) {
        return GatewayException.invalidField(field, field + ": got " + describe(actual) + " (expected: " + description + ")");
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
