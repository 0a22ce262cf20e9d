package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.FieldType;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Parses and checks an Anthropic Messages body: the fields Anthropic requires ({@code model},
 * {@code messages}, {@code max_tokens}) and the types of the ones it types strictly. Errors are 400s naming
 * the field, never quoting what the caller sent. Content blocks are checked where they are translated,
 * since a native deployment takes them as they are.
 */
public final class MessagesRequestDecoder {
    /** Request headers a native Anthropic deployment needs to see (API version, beta features). */
    static final Set<String> FORWARDED_HEADERS = Set.of("anthropic-version", "anthropic-beta");
    private static final Map<String, FieldType> OPTIONAL_FIELDS = Map.ofEntries(
            Map.entry("system", FieldType.STRING_OR_ARRAY),
            Map.entry("stream", FieldType.BOOLEAN),
            Map.entry("temperature", FieldType.NUMBER),
            Map.entry("top_p", FieldType.NUMBER),
            Map.entry("top_k", FieldType.INTEGER),
            Map.entry("stop_sequences", FieldType.ARRAY),
            Map.entry("tools", FieldType.ARRAY),
            Map.entry("tool_choice", FieldType.OBJECT),
            Map.entry("metadata", FieldType.OBJECT),
            Map.entry("thinking", FieldType.OBJECT));

    private MessagesRequestDecoder() {
    }

    /** @param header a request header's first value by case-insensitive name, or null */
    public static InferenceRequest decode(byte[] body, UnaryOperator<String> header) {
        ObjectNode json = countTokensBody(body);
        JsonNode maxTokens = json.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) {
            throw GatewayException.invalidField("max_tokens", "max_tokens: missing (expected: an integer > 0)");
        }
        if (!maxTokens.isIntegralNumber()) {
            throw FieldType.INTEGER.mismatch("max_tokens", maxTokens);
        }
        if (maxTokens.asLong() < 1) {
            throw GatewayException.invalidField("max_tokens", "max_tokens: " + maxTokens.asLong() + " (expected: > 0)");
        }
        return new InferenceRequest(InferenceEndpoint.MESSAGES, json.get("model").textValue(),
                json.path("stream").asBoolean(false), false, json, forwardedHeaders(header));
    }

    /** A {@code /v1/messages/count_tokens} request: checked as a Messages body without {@code max_tokens}, never streamed. */
    public static InferenceRequest decodeCountTokens(byte[] body, UnaryOperator<String> header) {
        ObjectNode json = countTokensBody(body);
        return new InferenceRequest(InferenceEndpoint.MESSAGES, json.get("model").textValue(), false, false, json,
                forwardedHeaders(header));
    }

    private static ObjectNode countTokensBody(byte[] body) {
        ObjectNode json = RequestDecoder.parseObject(body);
        RequestDecoder.requireModel(json);
        requireMessages(json.get("messages"));
        for (Map.Entry<String, FieldType> rule : OPTIONAL_FIELDS.entrySet()) {
            JsonNode value = json.get(rule.getKey());
            if (value != null && !value.isNull() && !rule.getValue().accepts(value)) {
                throw rule.getValue().mismatch(rule.getKey(), value);
            }
        }
        requireNamedTools(json.path("tools"));
        requireToolChoice(json.path("tool_choice"));
        return json;
    }

    private static void requireMessages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw GatewayException.invalidField("messages", "messages: missing (expected: a non-empty array of messages)");
        }
        if (!messages.isArray()) {
            throw FieldType.ARRAY.mismatch("messages", messages);
        }
        if (messages.isEmpty()) {
            throw GatewayException.invalidField("messages", "messages: empty (expected: at least one message)");
        }
        for (int i = 0; i < messages.size(); i++) {
            String field = "messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw FieldType.OBJECT.mismatch(field, message);
            }
            String role = message.path("role").asText(null);
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw GatewayException.invalidField(field + ".role", field + ".role: "
                        + (role == null ? "missing" : "\"" + shorten(role) + "\"")
                        + " (expected: \"user\" or \"assistant\"; a system prompt goes in the top-level system field)");
            }
            JsonNode content = message.get("content");
            if (content == null || content.isNull()) {
                throw GatewayException.invalidField(field + ".content", field
                        + ".content: missing (expected: a string or an array of content blocks)");
            }
            if (!FieldType.STRING_OR_ARRAY.accepts(content)) {
                throw FieldType.STRING_OR_ARRAY.mismatch(field + ".content", content);
            }
        }
    }

    private static void requireNamedTools(JsonNode tools) {
        for (int i = 0; i < tools.size(); i++) {
            if (!tools.get(i).path("name").isTextual()) {
                throw GatewayException.invalidField("tools[" + i + "].name", "tools[" + i + "].name: missing (expected: a string)");
            }
        }
    }

    private static void requireToolChoice(JsonNode choice) {
        if (choice.isMissingNode() || choice.isNull()) {
            return;
        }
        String type = choice.path("type").asText("");
        if (!Set.of("auto", "any", "tool", "none").contains(type)) {
            throw GatewayException.invalidField("tool_choice.type", "tool_choice.type: "
                    + (type.isEmpty() ? "missing" : "\"" + shorten(type) + "\"") + " (expected: auto, any, tool or none)");
        }
        if (type.equals("tool") && !choice.path("name").isTextual()) {
            throw GatewayException.invalidField("tool_choice.name", "tool_choice.name: missing (expected: the name of a tool)");
        }
    }

    private static Map<String, String> forwardedHeaders(UnaryOperator<String> header) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : FORWARDED_HEADERS) {
            String value = header.apply(name);
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        }
        return kept;
    }

    /** A caller's value short enough to echo in an error (roles and types, never content). */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
