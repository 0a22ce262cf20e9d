package io.llmgate.testkit.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Anthropic's API makes on a Messages request that a translating gateway can get wrong, answered
 * with the messages the real API gives: unknown top-level fields, missing {@code max_tokens}, roles, empty text
 * blocks, tool names outside {@code ^[a-zA-Z0-9_-]{1,128}$} and duplicate tool names.
 */
final class MessagesRequestRules {
    private static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_p", "top_k", "tools", "tool_choice", "thinking",
            "service_tier", "container", "mcp_servers", "context_management", "output_format", "output_config");
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");

    private MessagesRequestRules() {
    }

    /** What the real API would answer 400 with, if anything. */
    static Optional<String> violation(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return Optional.of(name + ": Extra inputs are not permitted");
            }
        }
        if (!body.path("model").isTextual()) {
            return Optional.of("model: Field required");
        }
        if (!body.path("max_tokens").isIntegralNumber()) {
            return Optional.of("max_tokens: Field required");
        }
        if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return Optional.of("messages: at least one message is required");
        }
        return messages(body.path("messages")).or(() -> tools(body.path("tools")));
    }

    private static Optional<String> messages(JsonNode messages) {
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return Optional.of("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            JsonNode content = message.path("content");
            if (content.isTextual() && content.textValue().isEmpty()) {
                return Optional.of("messages.%d: all messages must have non-empty content except for the optional final assistant message".formatted(i));
            }
            for (JsonNode block : content) {
                if ("text".equals(block.path("type").asText()) && block.path("text").asText("").isEmpty()) {
                    return Optional.of("messages: text content blocks must be non-empty");
                }
                if ("text".equals(block.path("type").asText()) && block.path("text").asText().isBlank()) {
                    return Optional.of("messages: text content blocks must contain non-whitespace text");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tools(JsonNode tools) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String name = tool.path("name").asText("");
            boolean custom = !tool.has("type") || "custom".equals(tool.path("type").asText());
            if (custom && !TOOL_NAME.matcher(name).matches()) {
                return Optional.of("tools.%d.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'".formatted(i));
            }
            if (!names.add(name)) {
                return Optional.of("tools: Tool names must be unique.");
            }
        }
        return Optional.empty();
    }
}
