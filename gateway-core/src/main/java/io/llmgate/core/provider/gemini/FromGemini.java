package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * A Gemini {@code GenerateContentResponse} as an OpenAI {@code chat.completion}: one choice per candidate,
 * text parts joined into {@code content}, thought parts into {@code reasoning_content}, function calls into
 * {@code tool_calls}. A refusal (blocked prompt, or a candidate stopped for safety before any output) is
 * an error, as OpenAI clients expect, not an empty answer.
 */
public final class FromGemini {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FromGemini() {
    }

    /** @param requestedModel reported when Gemini names no {@code modelVersion} */
    public static byte[] chatCompletion(byte[] body, String provider, String requestedModel) {
        JsonNode response = parse(body, provider, requestedModel);
        String model = response.path("modelVersion").asText(requestedModel);
        failIfBlocked(response, provider, model);
        ObjectNode completion = NODES.objectNode()
                .put("id", completionId(response))
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ArrayNode choices = completion.putArray("choices");
        for (JsonNode candidate : response.path("candidates")) {
            choices.add(choice(candidate, choices.size()));
        }
        completion.set("usage", GeminiUsage.toOpenAi(response.path("usageMetadata")));
        return Json.bytes(completion);
    }

    /** {@code chatcmpl-} and Gemini's {@code responseId} when it sent one. */
    static String completionId(JsonNode response) {
        String responseId = response.path("responseId").asText("");
        return "chatcmpl-" + (responseId.isEmpty() ? UUID.randomUUID().toString() : responseId);
    }

    /** A refused prompt has no candidates; a refused answer has one stopped for safety with no parts. */
    static void failIfBlocked(JsonNode response, String provider, String model) {
        String blockReason = response.path("promptFeedback").path("blockReason").asText("");
        if (!blockReason.isEmpty() && response.path("candidates").isEmpty()) {
            throw GeminiErrors.blocked("prompt", "blockReason: " + blockReason, provider, model);
        }
        JsonNode candidates = response.path("candidates");
        if (candidates.size() == 1) {
            String finish = candidates.get(0).path("finishReason").asText("");
            if (GeminiFinishReason.FILTERED.contains(finish) && candidates.get(0).path("content").path("parts").isEmpty()) {
                throw GeminiErrors.blocked("response", "finishReason: " + finish, provider, model);
            }
        }
    }

    /** One function call part as an OpenAI tool call; the id carries Gemini's thought signature, if any. */
    static ObjectNode toolCall(JsonNode part) {
        JsonNode call = part.path("functionCall");
        ObjectNode toolCall = NODES.objectNode()
                .put("id", ToolCallIds.newId(part.path("thoughtSignature").asText(null)))
                .put("type", "function");
        toolCall.putObject("function").put("name", call.path("name").asText())
                .put("arguments", args(call).toString());
        return toolCall;
    }

    private static ObjectNode args(JsonNode call) {
        JsonNode args = call.path("args");
        return args.isObject() ? (ObjectNode) args : NODES.objectNode();
    }

    private static ObjectNode choice(JsonNode candidate, int fallbackIndex) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                toolCalls.add(toolCall(part));
            } else if (part.path("thought").asBoolean(false)) {
                reasoning.append(part.path("text").asText(""));
            } else {
                text.append(part.path("text").asText(""));
            }
        }
        ObjectNode choice = NODES.objectNode().put("index", candidate.path("index").asInt(fallbackIndex));
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (text.length() == 0 && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (reasoning.length() > 0) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        choice.put("finish_reason", GeminiFinishReason.toOpenAi(candidate.path("finishReason").asText(""), !toolCalls.isEmpty()));
        return choice;
    }

    private static JsonNode parse(byte[] body, String provider, String model) {
        try {
            JsonNode response = Json.mapper().readTree(body);
            if (response != null && response.isObject()) {
                return response;
            }
        } catch (IOException e) {
            // reported below
        }
        throw GatewayException.upstream(ErrorType.UPSTREAM, 502, provider + " answered with a body that is not a "
                + "GenerateContentResponse", true, provider, model, null);
    }
}
