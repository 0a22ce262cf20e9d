package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads typed fields out of one config object and, when a value has the wrong type, fails with a
 * message naming the file, the entry and the field ({@code config.yaml: model_list[2] (model_name
 * "gpt-4o"): litellm_params.rpm must be an integer, got a string}).
 */
final class FieldReader {
    private final String where;
    private final String prefix;
    private final ObjectNode node;

    private FieldReader(String where, String prefix, ObjectNode node) {
        this.where = where;
        this.prefix = prefix;
        this.node = node;
    }

    /** Reads {@code value} as an object; null or missing counts as empty. */
    static FieldReader of(String where, String prefix, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new FieldReader(where, prefix, JsonNodeFactory.instance.objectNode());
        }
        if (!value.isObject()) {
            throw new ConfigException(where + ": " + (prefix.isEmpty() ? "entry" : trim(prefix))
                    + " must be a mapping, got " + describe(value));
        }
        return new FieldReader(where, prefix, (ObjectNode) value);
    }

    ObjectNode node() {
        return node;
    }

    /** {@code file: entry: prefix.field}, to start a message about one field. */
    String path(String field) {
        return where + ": " + prefix + field;
    }

    FieldReader object(String field) {
        return of(where, prefix + field + ".", node.get(field));
    }

    Optional<String> string(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBinary()) {
            throw wrongType(field, "a string", value);
        }
        return Optional.of(value.asText());
    }

    String requiredString(String field) {
        return string(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(where + ": " + prefix + field + " is required"));
    }

    OptionalLong integer(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                // fall through to the type error
            }
        }
        throw wrongType(field, "an integer", value);
    }

    /** A boolean; {@code "true"}/{@code "false"} strings count (env references resolve to text). */
    Optional<Boolean> bool(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual() && ("true".equalsIgnoreCase(value.textValue().trim())
                || "false".equalsIgnoreCase(value.textValue().trim()))) {
            return Optional.of(Boolean.parseBoolean(value.textValue().trim()));
        }
        throw wrongType(field, "a boolean", value);
    }

    OptionalDouble number(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isNumber()) {
            return OptionalDouble.of(value.doubleValue());
        }
        if (value.isTextual()) {
            try {
                return OptionalDouble.of(Double.parseDouble(value.textValue().trim()));
            } catch (NumberFormatException e) {
                // fall through to the type error
            }
        }
        throw wrongType(field, "a number", value);
    }

    /** Fails unless the field is absent or a number above zero. */
    void positive(String field) {
        OptionalDouble value = number(field);
        if (value.isPresent() && value.getAsDouble() <= 0) {
            throw new ConfigException(where + ": " + prefix + field + " must be > 0, got " + value.getAsDouble());
        }
    }

    /** A duration in seconds that may be zero ({@code retry_after: 0}). */
    Optional<Duration> secondsOrZero(String field) {
        OptionalDouble value = number(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.getAsDouble() < 0) {
            throw new ConfigException(path(field) + " must be >= 0 seconds, got " + value.getAsDouble());
        }
        return Optional.of(Duration.ofNanos((long) (value.getAsDouble() * 1_000_000_000L)));
    }

    /** A duration given in seconds (LiteLLM's {@code timeout: 30} or {@code 0.5}). */
    Optional<Duration> seconds(String field) {
        OptionalDouble value = number(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.getAsDouble() <= 0) {
            throw new ConfigException(where + ": " + prefix + field + " must be > 0 seconds, got " + value.getAsDouble());
        }
        return Optional.of(Duration.ofNanos((long) (value.getAsDouble() * 1_000_000_000L)));
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private ConfigException wrongType(String field, String expected, JsonNode value) {
        return new ConfigException(where + ": " + prefix + field + " must be " + expected + ", got " + describe(value));
    }

    private static String trim(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
