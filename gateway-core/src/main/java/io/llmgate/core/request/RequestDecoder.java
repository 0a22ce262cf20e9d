package io.llmgate.core.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.io.IOException;
import java.util.Map;

/**
 * Parses and checks an inference body. Errors are 400 {@code invalid_request_error}s naming the field
 * and the expected type, and never quote what the caller sent (it may be a prompt or a secret).
 */
public final class RequestDecoder {
    /** Optional fields OpenAI types strictly; anything else passes through untouched. */
    private static final Map<String, FieldType> OPTIONAL_FIELDS = Map.ofEntries(
            Map.entry("stream", FieldType.BOOLEAN),
            Map.entry("stream_options", FieldType.OBJECT),
            Map.entry("max_tokens", FieldType.INTEGER),
            Map.entry("max_completion_tokens", FieldType.INTEGER),
            Map.entry("n", FieldType.INTEGER),
            Map.entry("seed", FieldType.INTEGER),
            Map.entry("top_logprobs", FieldType.INTEGER),
            Map.entry("dimensions", FieldType.INTEGER),
            Map.entry("temperature", FieldType.NUMBER),
            Map.entry("top_p", FieldType.NUMBER),
            Map.entry("presence_penalty", FieldType.NUMBER),
            Map.entry("frequency_penalty", FieldType.NUMBER),
            Map.entry("stop", FieldType.STRING_OR_ARRAY),
            Map.entry("tools", FieldType.ARRAY),
            Map.entry("tool_choice", FieldType.STRING_OR_OBJECT),
            Map.entry("user", FieldType.STRING),
            Map.entry("response_format", FieldType.OBJECT),
            Map.entry("logit_bias", FieldType.OBJECT),
            Map.entry("logprobs", FieldType.BOOLEAN),
            Map.entry("parallel_tool_calls", FieldType.BOOLEAN),
            Map.entry("metadata", FieldType.OBJECT),
            Map.entry("encoding_format", FieldType.STRING));

    private RequestDecoder() {
    }

    public static InferenceRequest decode(InferenceEndpoint endpoint, byte[] body) {
        ObjectNode json = parseObject(body);
        String model = requireModel(json);
        for (Map.Entry<String, FieldType> rule : OPTIONAL_FIELDS.entrySet()) {
            JsonNode value = json.get(rule.getKey());
            if (value != null && !value.isNull() && !rule.getValue().accepts(value)) {
                throw wrongType(rule.getKey(), rule.getValue(), value);
            }
        }
        requirePayload(endpoint, json);
        boolean stream = json.path("stream").asBoolean(false);
        if (stream && !endpoint.streamable()) {
            throw GatewayException.invalidField("stream", "stream: true is not supported for " + endpoint.path());
        }
        JsonNode includeUsage = json.path("stream_options").path("include_usage");
        if (!includeUsage.isMissingNode() && !includeUsage.isNull() && !includeUsage.isBoolean()) {
            throw wrongType("stream_options.include_usage", FieldType.BOOLEAN, includeUsage);
        }
        return new InferenceRequest(endpoint, model, stream, includeUsage.asBoolean(false), json);
    }

    /** Parses a JSON object body; the error names the position, never the content. */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw GatewayException.invalidField(null, "Request body is empty (expected: a JSON object)");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw GatewayException.invalidField(null, "Request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw GatewayException.invalidField(null, "Request body could not be read as JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw GatewayException.invalidField(null, "Request body must be a JSON object, got "
                    + (tree == null ? "nothing" : FieldType.describe(tree)));
        }
        return (ObjectNode) tree;
    }

    /** The body's {@code model}: a non-blank string, else a 400 naming the field. */
    public static String requireModel(ObjectNode json) {
        JsonNode model = json.get("model");
        if (model == null || model.isNull()) {
            throw GatewayException.invalidField("model", "model: missing (expected: a string naming a model; see GET /v1/models)");
        }
        if (!model.isTextual()) {
            throw wrongType("model", FieldType.STRING, model);
        }
        if (model.textValue().isBlank()) {
            throw GatewayException.invalidField("model", "model: empty (expected: a string naming a model; see GET /v1/models)");
        }
        return model.textValue();
    }

    private static void requirePayload(InferenceEndpoint endpoint, ObjectNode json) {
        String field = endpoint.payloadField();
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw GatewayException.invalidField(field, field + ": missing (expected: "
                    + (endpoint == InferenceEndpoint.CHAT_COMPLETIONS ? "a non-empty array of messages)" : "a string or an array)"));
        }
        if (endpoint == InferenceEndpoint.CHAT_COMPLETIONS) {
            requireMessages(value);
        } else if (!FieldType.STRING_OR_ARRAY.accepts(value)) {
            throw wrongType(field, FieldType.STRING_OR_ARRAY, value);
        }
    }

    private static void requireMessages(JsonNode messages) {
        if (!messages.isArray()) {
            throw wrongType("messages", FieldType.ARRAY, messages);
        }
        if (messages.isEmpty()) {
            throw GatewayException.invalidField("messages", "messages: empty (expected: at least one message)");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String field = "messages[" + i + "]";
            if (!message.isObject()) {
                throw wrongType(field, FieldType.OBJECT, message);
            }
            JsonNode role = message.get("role");
            if (role == null || role.isNull()) {
                throw GatewayException.invalidField(field + ".role", field + ".role: missing (expected: a string)");
            }
            if (!role.isTextual()) {
                throw wrongType(field + ".role", FieldType.STRING, role);
            }
        }
    }

    private static GatewayException wrongType(String field, FieldType expected, JsonNode actual) {
        return expected.mismatch(field, actual);
    }
}
