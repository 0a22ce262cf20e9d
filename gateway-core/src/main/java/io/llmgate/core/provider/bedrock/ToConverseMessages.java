package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.util.Locale;

/**
 * OpenAI {@code messages} to Converse {@code system} and {@code messages}: system and developer messages become
 * system blocks; tool results become {@code toolResult} blocks of a user turn; assistant tool calls become
 * {@code toolUse} blocks; consecutive turns of one role are merged, since Converse wants them alternating.
 * Images must be base64 {@code data:} URLs (the gateway fetches nothing); a {@code cache_control} on a part
 * adds a {@code cachePoint} after it, as LiteLLM does.
 */
final class ToConverseMessages {
    private static final String PARAM = "messages";

    private final ArrayNode system = Json.mapper().createArrayNode();
    private final ArrayNode turns = Json.mapper().createArrayNode();

    private ToConverseMessages() {
    }

    /** Sets {@code messages} (and {@code system} when there is one) on {@code converse}. */
    static void into(ObjectNode converse, JsonNode messages) {
        ToConverseMessages translation = new ToConverseMessages();
        for (int i = 0; i < messages.size(); i++) {
            translation.add(i, messages.get(i));
        }
        if (!translation.system.isEmpty()) {
            converse.set("system", translation.system);
        }
        converse.set(PARAM, translation.turns);
    }

    private void add(int index, JsonNode message) {
        String role = message.path("role").asText("");
        switch (role) {
            case "system", "developer" -> system.addAll(blocks(index, message.path("content"), false));
            case "user" -> append("user", blocks(index, message.path("content"), true));
            case "assistant" -> append("assistant", assistant(index, message));
            case "tool" -> append("user", toolResult(index, message));
            default -> throw invalid(index, "role \"" + role + "\" is not supported by bedrock"
                    + " (expected: system, developer, user, assistant or tool)");
        }
    }

    private void append(String role, ArrayNode content) {
        if (content.isEmpty()) {
            return; // Converse rejects empty turns and blank text
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("content")).addAll(content);
        } else {
            ObjectNode turn = turns.addObject().put("role", role);
            turn.set("content", content);
        }
    }

    private static ArrayNode blocks(int index, JsonNode content, boolean imagesAllowed) {
        ArrayNode blocks = Json.mapper().createArrayNode();
        if (content.isTextual()) {
            addText(blocks, content.textValue());
            return blocks;
        }
        if (content.isMissingNode() || content.isNull()) {
            return blocks;
        }
        if (!content.isArray()) {
            throw invalid(index, "content must be a string or an array of content parts");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            if ("text".equals(type)) {
                addText(blocks, part.path("text").asText(""));
            } else if ("image_url".equals(type) && imagesAllowed) {
                blocks.add(image(index, part.path("image_url")));
            } else {
                throw invalid(index, "content part type \"" + type + "\" is not supported by bedrock here");
            }
            if (part.has("cache_control")) {
                blocks.addObject().putObject("cachePoint").put("type", "default");
            }
        }
        return blocks;
    }

    private static void addText(ArrayNode blocks, String text) {
        if (!text.isBlank()) {
            blocks.addObject().put("text", text);
        }
    }

    /** {@code data:image/png;base64,...} to {@code {"image": {"format": "png", "source": {"bytes": "..."}}}}. */
    private static ObjectNode image(int index, JsonNode imageUrl) {
        String url = imageUrl.isTextual() ? imageUrl.textValue() : imageUrl.path("url").asText("");
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(0, comma).toLowerCase(Locale.ROOT);
        if (!header.startsWith("data:image/") || !header.endsWith(";base64")) {
            throw invalid(index, "bedrock needs images as base64 data: URLs (data:image/png;base64,...);"
                    + " the gateway does not fetch image URLs");
        }
        String format = header.substring("data:image/".length(), header.length() - ";base64".length());
        ObjectNode block = Json.mapper().createObjectNode();
        ObjectNode image = block.putObject("image").put("format", "jpg".equals(format) ? "jpeg" : format);
        image.putObject("source").put("bytes", url.substring(comma + 1));
        return block;
    }

    private static ArrayNode assistant(int index, JsonNode message) {
        ArrayNode blocks = blocks(index, message.path("content"), false);
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode toolUse = blocks.addObject().putObject("toolUse")
                    .put("toolUseId", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText());
            toolUse.set("input", arguments(index, call.path("function").path("arguments")));
        }
        return blocks;
    }

    /** OpenAI sends tool arguments as a JSON string; Converse wants the object itself. */
    private static JsonNode arguments(int index, JsonNode arguments) {
        if (arguments.isObject()) {
            return arguments;
        }
        String text = arguments.asText("");
        if (text.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(index, "tool_calls[].function.arguments is not valid JSON");
        }
    }

    private static ArrayNode toolResult(int index, JsonNode message) {
        if (!message.path("tool_call_id").isTextual()) {
            throw invalid(index, "a tool message needs a tool_call_id");
        }
        ArrayNode content = blocks(index, message.path("content"), false);
        ArrayNode blocks = Json.mapper().createArrayNode();
        ObjectNode result = blocks.addObject().putObject("toolResult")
                .put("toolUseId", message.path("tool_call_id").textValue());
        result.set("content", content.isEmpty() ? Json.mapper().createArrayNode().add(
                Json.mapper().createObjectNode().put("text", "(empty)")) : content);
        return blocks;
    }

    private static GatewayException invalid(int index, String problem) {
        return GatewayException.invalidField(PARAM, PARAM + "[" + index + "]: " + problem);
    }
}
