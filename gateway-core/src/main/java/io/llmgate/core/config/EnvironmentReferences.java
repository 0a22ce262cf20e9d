package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves LiteLLM's {@code os.environ/NAME} references anywhere in a config tree. As in LiteLLM, an
 * unset variable resolves to null (the field then counts as absent); the names of unset variables
 * are collected so start-up can log them.
 */
final class EnvironmentReferences {
    static final String PREFIX = "os.environ/";

    private final Function<String, String> environment;
    private final List<String> unset = new ArrayList<>();

    EnvironmentReferences(Function<String, String> environment, Map<String, String> overlay) {
        this.environment = name -> overlay.containsKey(name) ? overlay.get(name) : environment.apply(name);
    }

    /** Replaces every reference in place; returns the (possibly replaced) root. */
    JsonNode resolve(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, resolve(object.get(name)));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i)));
            }
            return array;
        }
        if (node instanceof TextNode text && text.textValue().startsWith(PREFIX)) {
            String name = text.textValue().substring(PREFIX.length()).trim();
            String value = environment.apply(name);
            if (value == null) {
                unset.add(name);
                return null;
            }
            return TextNode.valueOf(value);
        }
        return node;
    }

    List<String> unsetVariables() {
        return unset.stream().distinct().toList();
    }
}
