package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.util.Locale;
import java.util.Map;

/**
 * One OpenAI message {@code content} (a string or an array of typed parts) as Gemini parts: text stays text,
 * media given inline (data URLs, {@code input_audio}) becomes {@code inlineData}, media given by URL becomes
 * {@code fileData} for Gemini to fetch.
 */
final class GeminiParts {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> MIME_BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("mp3", "audio/mp3"),
            Map.entry("wav", "audio/wav"), Map.entry("flac", "audio/flac"), Map.entry("mp4", "video/mp4"),
            Map.entry("mov", "video/mov"), Map.entry("webm", "video/webm"));

    private GeminiParts() {
    }

    /** The parts of {@code content}; {@code field} names it in errors ({@code messages[2].content}). */
    static ArrayNode of(JsonNode content, String field) {
        ArrayNode parts = NODES.arrayNode();
        if (content.isTextual()) {
            addText(parts, content.textValue());
        } else if (content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                parts.add(part(content.get(i), field + "[" + i + "]"));
            }
        } else if (!content.isNull() && !content.isMissingNode()) {
            throw GatewayException.invalidField(field, field + ": expected a string or an array of content parts");
        }
        return parts;
    }

    /** The text of {@code content}, for messages Gemini takes as text only (system, tool results). */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.isTextual() || part.has("text")) {
                text.append(text.length() == 0 ? "" : "\n").append(part.isTextual() ? part.textValue() : part.path("text").asText());
            }
        }
        return text.toString();
    }

    private static void addText(ArrayNode parts, String text) {
        // Gemini rejects empty text parts
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
    }

    private static ObjectNode part(JsonNode part, String field) {
        String type = part.path("type").asText("");
        return switch (type) {
            case "text" -> NODES.objectNode().put("text", part.path("text").asText(""));
            case "image_url" -> {
                JsonNode image = part.path("image_url");
                String url = image.isTextual() ? image.textValue() : image.path("url").asText("");
                yield media(url, image.path("format").asText(null), field);
            }
            case "input_audio" -> inline("audio/" + part.path("input_audio").path("format").asText("wav"),
                    part.path("input_audio").path("data").asText(""));
            case "file" -> {
                JsonNode file = part.path("file");
                String data = file.path("file_data").asText(file.path("file_id").asText(""));
                yield media(data, file.path("format").asText(null), field);
            }
            default -> throw GatewayException.invalidField(field + ".type", field + ".type: \"" + type
                    + "\" is not supported for Gemini (expected: text, image_url, input_audio or file)");
        };
    }

    /** A data URL becomes inline bytes; any other URL ({@code https:}, {@code gs:}) a file for Gemini to fetch. */
    private static ObjectNode media(String url, String format, String field) {
        if (url.isEmpty()) {
            throw GatewayException.invalidField(field, field + ": missing the media URL or data");
        }
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw GatewayException.invalidField(field, field + ": a data URL must be base64 (data:<mime>;base64,<data>)");
            }
            return inline(header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
        }
        ObjectNode part = NODES.objectNode();
        part.putObject("fileData").put("mimeType", format != null ? format : mimeOf(url)).put("fileUri", url);
        return part;
    }

    private static ObjectNode inline(String mimeType, String base64) {
        ObjectNode part = NODES.objectNode();
        part.putObject("inlineData").put("mimeType", mimeType).put("data", base64);
        return part;
    }

    private static String mimeOf(String url) {
        String path = url.replaceFirst("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME_BY_EXTENSION.getOrDefault(extension, "image/jpeg");
    }
}
