package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

/**
 * An OpenAI chat completion request as a Gemini {@code GenerateContentRequest}: contents and system
 * instruction, tools and tool config, generation config. The model goes into the URL, not the body.
 */
public final class ToGemini {
    private ToGemini() {
    }

    /** The request body for {@code chat}, an OpenAI chat request (deployment defaults already applied). */
    public static ObjectNode generateContentRequest(JsonNode chat) {
        JsonNode messages = chat.path("messages");
        if (!messages.isArray()) {
            throw GatewayException.invalidField("messages", "messages: expected an array of messages");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        GeminiContents.translate(messages, request);
        GeminiTools.translate(chat.path("tools"), chat.path("tool_choice"), request);
        ObjectNode config = GeminiGenerationConfig.of(chat);
        if (!config.isEmpty()) {
            request.set("generationConfig", config);
        }
        return request;
    }
}
