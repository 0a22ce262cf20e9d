package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.io.IOException;
import java.util.UUID;

/**
 * An OpenAI {@code chat.completion} as an Anthropic {@code message}: reasoning as a thinking block, the text,
 * then one {@code tool_use} block per tool call with its arguments parsed into {@code input}. The message id
 * keeps the provider's completion id after {@code msg_}, so a message can be traced to the provider's logs.
 */
final class OpenAiToAnthropicResponse {
    private OpenAiToAnthropicResponse() {
    }

    /** @param model the model name the caller asked for, echoed as Anthropic echoes it */
    static ObjectNode translate(JsonNode completion, String model, ToolNames names) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode out = Json.mapper().createObjectNode()
                .put("id", messageId(completion.path("id").asText("")))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        ArrayNode content = out.putArray("content");
        String reasoning = message.path("reasoning_content").asText("");
        if (!reasoning.isEmpty()) {
            content.addObject().put("type", "thinking").put("thinking", reasoning).put("signature", "");
        }
        String text = text(message.path("content"));
        String finish = choice.path("finish_reason").asText(null);
        if (text.isEmpty() && message.path("refusal").isTextual()) {
            text = message.path("refusal").textValue();
            finish = "content_filter";
        }
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            content.addObject().put("type", "tool_use")
                    .put("id", call.path("id").asText(toolUseId()))
                    .put("name", names.fromOpenAi(call.path("function").path("name").asText("")))
                    .set("input", input(call.path("function").path("arguments").asText("")));
        }
        out.put("stop_reason", OpenAiToAnthropicFinish.stopReason(finish)).putNull("stop_sequence");
        out.set("usage", OpenAiToAnthropicFinish.usage(completion.path("usage")));
        return out;
    }

    /** {@code msg_} and the provider's id, or a fresh one when the provider gave none. */
    static String messageId(String providerId) {
        return "msg_" + (providerId.isEmpty() ? UUID.randomUUID().toString().replace("-", "") : providerId);
    }

    /** An id for a tool call the provider sent without one (some OpenAI-compatible servers do). */
    static String toolUseId() {
        return "toolu_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Tool arguments as Anthropic's {@code input} object; arguments that are not a JSON object give {@code {}}. */
    static JsonNode input(String arguments) {
        try {
            JsonNode parsed = Json.mapper().readTree(arguments);
            return parsed != null && parsed.isObject() ? parsed : Json.mapper().createObjectNode();
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** A message's content: a string, or the text of content parts (some servers answer with parts). */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText(""));
        }
        return text.toString();
    }
}
