package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

/**
 * OpenAI message content (a string or a list of parts) as Anthropic content blocks: text, images as base64 or
 * URL sources, PDFs as documents. Parts already in Anthropic's shape (a {@code document}, an {@code image} with
 * a {@code source}, ...) pass unchanged. Anthropic rejects empty text blocks, so blank text becomes
 * {@link #EMPTY_TEXT_PLACEHOLDER} (LiteLLM's own, so conversations look the same through either gateway).
 */
final class ToAnthropicContent {
    /** What blank text is replaced by; Anthropic answers 400 "text content blocks must be non-empty" otherwise. */
    static final String EMPTY_TEXT_PLACEHOLDER = "[System: Empty message content sanitised to satisfy protocol]";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToAnthropicContent() {
    }

    /** The blocks of {@code content}; blank text stays blank here, callers decide between placeholder and drop. */
    static ArrayNode blocks(JsonNode content, String where) {
        ArrayNode blocks = NODES.arrayNode();
        if (content.isTextual()) {
            blocks.add(text(content.textValue()));
        } else if (content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                blocks.add(part(content.get(i), where + ".content[" + i + "]"));
            }
        } else if (!content.isMissingNode() && !content.isNull()) {
            throw GatewayException.invalidField("messages", where + ".content: expected a string or a list of parts");
        }
        return blocks;
    }

    static ObjectNode text(String text) {
        return NODES.objectNode().put("type", "text").put("text", text);
    }

    static boolean isBlankText(JsonNode block) {
        return "text".equals(block.path("type").asText()) && block.path("text").asText("").isBlank();
    }

    /** Replaces the text of blank text blocks by the placeholder, keeping their other fields (cache_control). */
    static void fillBlankText(ArrayNode blocks) {
        for (JsonNode block : blocks) {
            if (isBlankText(block)) {
                ((ObjectNode) block).put("text", EMPTY_TEXT_PLACEHOLDER);
            }
        }
    }

    static void dropBlankText(ArrayNode blocks) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (isBlankText(blocks.get(i))) {
                blocks.remove(i);
            }
        }
    }

    private static ObjectNode part(JsonNode part, String where) {
        ObjectNode block = switch (part.path("type").asText()) {
            case "text" -> text(part.path("text").asText(""));
            case "image_url" -> image(part.path("image_url"), where);
            case "file" -> document(part.path("file"), where);
            case "input_audio" -> throw GatewayException.invalidField("messages", where
                    + ": anthropic does not accept audio input");
            default -> part.deepCopy();
        };
        if (part.path("cache_control").isObject() && !block.has("cache_control")) {
            block.set("cache_control", part.path("cache_control").deepCopy());
        }
        return block;
    }

    private static ObjectNode image(JsonNode imageUrl, String where) {
        String url = imageUrl.isTextual() ? imageUrl.textValue() : imageUrl.path("url").asText("");
        ObjectNode source = url.startsWith("data:") ? base64(url, where)
                : NODES.objectNode().put("type", "url").put("url", url);
        ObjectNode block = NODES.objectNode().put("type", "image");
        block.set("source", source);
        return block;
    }

    /** OpenAI's file part: Anthropic takes inline PDFs (and other documents) as base64 {@code document} blocks. */
    private static ObjectNode document(JsonNode file, String where) {
        String data = file.path("file_data").asText("");
        if (!data.startsWith("data:")) {
            throw GatewayException.invalidField("messages", where
                    + ": anthropic needs file parts inline as file.file_data (a base64 data URL); file ids are not supported");
        }
        ObjectNode block = NODES.objectNode().put("type", "document");
        block.set("source", base64(data, where));
        return block;
    }

    /** {@code data:image/png;base64,AAAA} as {@code {type: base64, media_type: image/png, data: AAAA}}. */
    private static ObjectNode base64(String dataUrl, String where) {
        int comma = dataUrl.indexOf(',');
        String header = comma < 0 ? "" : dataUrl.substring("data:".length(), comma);
        if (comma < 0 || !header.endsWith(";base64")) {
            throw GatewayException.invalidField("messages", where + ": a data URL must be base64 encoded "
                    + "(expected: data:<media type>;base64,<data>)");
        }
        String mediaType = header.substring(0, header.length() - ";base64".length());
        return NODES.objectNode().put("type", "base64").put("media_type", mediaType)
                .put("data", dataUrl.substring(comma + 1));
    }
}
