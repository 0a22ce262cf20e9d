package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code litellm_params} a provider adapter reads for itself and never sends as body parameters:
 * {@code aws_region_name}, {@code vertex_project}, {@code vertex_credentials}, {@code azure_ad_token},
 * {@code drop_params}, ... Values may be credentials, so {@link #toString()} names the keys only.
 */
public final class ProviderSettings {
    private final ObjectNode values;

    public ProviderSettings(ObjectNode values) {
        this.values = values.deepCopy();
    }

    public static ProviderSettings none() {
        return new ProviderSettings(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    /** A non-blank text (or number) value. */
    public Optional<String> text(String name) {
        JsonNode value = values.get(name);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A credential-bearing value, wrapped so it cannot be logged by accident. */
    public Optional<Secret> secret(String name) {
        return text(name).map(Secret::of);
    }

    /** The raw value, for structured settings such as {@code vertex_credentials} given as a mapping. */
    public Optional<JsonNode> node(String name) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** The names of the settings present, in the order the config gave them. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        values.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public boolean flag(String name) {
        JsonNode value = values.get(name);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    @Override
    public String toString() {
        return "ProviderSettings" + names();
    }
}
