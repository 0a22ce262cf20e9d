package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

/**
 * Anthropic's conversation as OpenAI chat messages. A user turn's {@code tool_result} blocks become
 * {@code tool} messages, placed first because OpenAI wants them right after the assistant's tool calls; the
 * turn's other blocks follow as one user message (a string when all text, for servers that take no parts).
 * An assistant turn's {@code tool_use} blocks become {@code tool_calls}; its thinking and server-tool blocks
 * cannot be replayed to another provider and are left out.
 */
final class AnthropicToOpenAiMessages {
    private AnthropicToOpenAiMessages() {
    }

    static ArrayNode translate(JsonNode messages, ToolNames names) {
        ArrayNode chat = Json.mapper().createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String at = "messages[" + i + "]";
            if (message.path("role").asText().equals("assistant")) {
                chat.add(assistant(message.path("content"), at, names));
            } else {
                user(message.path("content"), at, chat);
            }
        }
        return chat;
    }

    /** The text blocks of {@code blocks} joined by line breaks; any other block is refused. */
    static String joinedText(JsonNode blocks, String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            if (!block.path("type").asText().equals("text")) {
                throw unsupported(field + "[" + i + "]", block, "text");
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(block.path("text").asText(""));
        }
        return text.toString();
    }

    private static void user(JsonNode content, String at, ArrayNode chat) {
        if (content.isTextual()) {
            chat.addObject().put("role", "user").put("content", content.textValue());
            return;
        }
        ArrayNode parts = Json.mapper().createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String where = at + ".content[" + j + "]";
            switch (block.path("type").asText()) {
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asText(""));
                case "image" -> parts.add(image(block.path("source"), where));
                case "document" -> parts.add(document(block, where));
                case "tool_result" -> chat.add(toolResult(block, where, parts));
                default -> throw unsupported(where, block, "text, image, document or tool_result");
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        ObjectNode message = chat.addObject().put("role", "user");
        if (allText(parts)) {
            message.put("content", joinedText(parts, at + ".content"));
        } else {
            message.set("content", parts);
        }
    }

    private static boolean allText(ArrayNode parts) {
        for (JsonNode part : parts) {
            if (!part.path("type").asText().equals("text")) {
                return false;
            }
        }
        return true;
    }

    /** A {@code tool} message; images in the result join the user message that follows (tool messages are text). */
    private static ObjectNode toolResult(JsonNode block, String where, ArrayNode followingParts) {
        JsonNode id = block.get("tool_use_id");
        if (id == null || !id.isTextual()) {
            throw GatewayException.invalidField(where + ".tool_use_id", where + ".tool_use_id: missing (expected: the id of a tool_use block)");
        }
        JsonNode content = block.path("content");
        StringBuilder text = new StringBuilder(content.isTextual() ? content.textValue() : "");
        for (int k = 0; k < content.size(); k++) {
            JsonNode part = content.get(k);
            String partType = part.path("type").asText();
            if (partType.equals("image")) {
                followingParts.add(image(part.path("source"), where + ".content[" + k + "]"));
            } else if (partType.equals("text")) {
                text.append(text.length() > 0 ? "\n" : "").append(part.path("text").asText(""));
            } else {
                throw unsupported(where + ".content[" + k + "]", part, "text or image");
            }
        }
        return Json.mapper().createObjectNode().put("role", "tool").put("tool_call_id", id.textValue())
                .put("content", text.toString());
    }

    private static ObjectNode assistant(JsonNode content, String at, ToolNames names) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant");
        if (content.isTextual()) {
            return message.put("content", content.textValue());
        }
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.mapper().createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String type = block.path("type").asText();
            if (type.equals("text")) {
                text.append(text.length() > 0 ? "\n" : "").append(block.path("text").asText(""));
            } else if (type.equals("tool_use")) {
                calls.add(toolCall(block, at + ".content[" + j + "]", names));
            }
        }
        if (calls.isEmpty()) {
            return message.put("content", text.toString());
        }
        if (text.length() > 0) {
            message.put("content", text.toString());
        } else {
            message.putNull("content");
        }
        message.set("tool_calls", calls);
        return message;
    }

    private static ObjectNode toolCall(JsonNode block, String where, ToolNames names) {
        if (!block.path("id").isTextual() || !block.path("name").isTextual()) {
            throw GatewayException.invalidField(where, where + ": a tool_use block needs an id and a name");
        }
        ObjectNode call = Json.mapper().createObjectNode().put("id", block.path("id").textValue()).put("type", "function");
        JsonNode input = block.path("input");
        call.putObject("function")
                .put("name", names.toOpenAi(block.path("name").textValue()))
                .put("arguments", input.isObject() ? input.toString() : "{}");
        return call;
    }

    private static ObjectNode image(JsonNode source, String where) {
        String url = switch (source.path("type").asText()) {
            case "base64" -> "data:" + source.path("media_type").asText("image/png") + ";base64," + source.path("data").asText("");
            case "url" -> source.path("url").asText("");
            default -> throw GatewayException.invalidField(where + ".source.type", where
                    + ".source.type: only base64 and url images can be sent to a non-Anthropic model");
        };
        ObjectNode part = Json.mapper().createObjectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    private static ObjectNode document(JsonNode block, String where) {
        JsonNode source = block.path("source");
        switch (source.path("type").asText()) {
            case "text":
                return Json.mapper().createObjectNode().put("type", "text").put("text", source.path("data").asText(""));
            case "content":
                return Json.mapper().createObjectNode().put("type", "text")
                        .put("text", source.path("content").isTextual() ? source.path("content").textValue()
                                : joinedText(source.path("content"), where + ".source.content"));
            case "base64":
                ObjectNode part = Json.mapper().createObjectNode().put("type", "file");
                part.putObject("file")
                        .put("filename", block.path("title").asText("document.pdf"))
                        .put("file_data", "data:" + source.path("media_type").asText("application/pdf") + ";base64,"
                                + source.path("data").asText(""));
                return part;
            default:
                throw GatewayException.invalidField(where + ".source.type", where
                        + ".source.type: only base64, text and content documents can be sent to a non-Anthropic model");
        }
    }

    private static GatewayException unsupported(String where, JsonNode block, String expected) {
        String type = block.path("type").asText("");
        return GatewayException.invalidField(where + ".type", where + ".type: "
                + (type.isEmpty() ? "missing" : "\"" + MessagesRequestDecoder.shorten(type) + "\"")
                + " cannot be sent to a non-Anthropic model here (expected: " + expected + ")");
    }
}
