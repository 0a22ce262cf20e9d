package io.llmgate.testkit.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/**
 * {@link Reply replies} as Google's Gemini servers write them: {@code GenerateContentResponse} JSON, the same
 * partial responses as server-sent events for {@code alt=sse} (the stream simply ends, there is no end
 * marker), and Google's error bodies {@code {"error": {"code", "message", "status"}}}. Shapes follow
 * ai.google.dev/api/generate-content and the Vertex AI reference.
 */
public final class GenerateContentWire {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Replies.JSON;

    private GenerateContentWire() {
    }

    /** An error as Google renders it; {@code details} may be null. */
    public static ObjectNode error(int code, String status, String message, ArrayNode details) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message).put("status", status);
        if (details != null) {
            error.set("details", details);
        }
        return body;
    }

    /** Answers a {@code generateContent} ({@code stream} false) or {@code streamGenerateContent?alt=sse} call. */
    public static void answer(HttpExchange exchange, Reply reply, String model, boolean stream) throws IOException {
        if (reply instanceof Reply.Text text) {
            text(exchange, text, model, stream);
        } else if (reply instanceof Reply.ToolCall call) {
            whole(exchange, toolCall(call, model), stream);
        } else if (reply instanceof Reply.Failure failure) {
            failure(exchange, failure.kind(), model, stream);
        } else {
            Replies.json(exchange, 400, error(400, "INVALID_ARGUMENT",
                    "* GenerateContentRequest.model: " + model + " is an embedding model", null));
        }
    }

    /** The non-streamed answer, or its streamed form when the failure is a 200 (a blocked prompt). */
    public static void failure(HttpExchange exchange, FailureKind kind, String model, boolean stream) throws IOException {
        if (kind == FailureKind.CONTENT_POLICY) {
            whole(exchange, blockedPrompt(model), stream);
            return;
        }
        if (kind == FailureKind.AUTHENTICATION) {
            Replies.json(exchange, 400, invalidApiKey());
            return;
        }
        Replies.json(exchange, status(kind), failureBody(kind));
    }

    /** AI Studio's answer to a missing or wrong {@code x-goog-api-key}: a 400, not a 401. */
    public static ObjectNode invalidApiKey() {
        ArrayNode details = JSON.createArrayNode();
        details.addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", "API_KEY_INVALID")
                .put("domain", "googleapis.com").putObject("metadata").put("service", "generativelanguage.googleapis.com");
        return error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", details);
    }

    /** The vector every fake answers: {@link Reply#embeddingValue} at each index. */
    public static ArrayNode embeddingValues(int dimensions) {
        ArrayNode values = JSON.createArrayNode();
        for (int d = 0; d < dimensions; d++) {
            values.add(Reply.embeddingValue(d));
        }
        return values;
    }

    static int status(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> 429;
            case CONTEXT_WINDOW_EXCEEDED, BAD_REQUEST, AUTHENTICATION, CONTENT_POLICY -> 400;
            case SERVER_ERROR -> 500;
            case OVERLOADED -> 503;
        };
    }

    private static ObjectNode failureBody(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> {
                ArrayNode details = JSON.createArrayNode();
                details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", "7s");
                yield error(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and "
                        + "billing details.", details);
            }
            case CONTEXT_WINDOW_EXCEEDED -> error(400, "INVALID_ARGUMENT",
                    "The input token count (1250000) exceeds the maximum number of tokens allowed (1048576).", null);
            case BAD_REQUEST -> error(400, "INVALID_ARGUMENT",
                    "Invalid value at 'generation_config.temperature' (TYPE_FLOAT), \"hot\"", null);
            case SERVER_ERROR -> error(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting", null);
            case OVERLOADED -> error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", null);
            case AUTHENTICATION -> invalidApiKey();
            case CONTENT_POLICY -> throw new IllegalArgumentException("a blocked prompt is a 200 answer");
        };
    }

    private static void text(HttpExchange exchange, Reply.Text text, String model, boolean stream) throws IOException {
        String responseId = responseId();
        if (!stream) {
            ObjectNode response = response(model, responseId);
            candidate(response, textPart(text.text())).put("finishReason", "STOP");
            usage(response, text.promptTokens(), text.completionTokens());
            Replies.json(exchange, 200, response);
            return;
        }
        List<String> pieces = Replies.split(text.text(), text.chunks());
        try (OutputStream out = Replies.openEventStream(exchange)) {
            for (int i = 0; i < pieces.size(); i++) {
                boolean last = i == pieces.size() - 1;
                ObjectNode event = response(model, responseId);
                ObjectNode candidate = candidate(event, textPart(pieces.get(i)));
                if (last) {
                    candidate.put("finishReason", "STOP");
                    usage(event, text.promptTokens(), text.completionTokens());
                } else {
                    // Google repeats the prompt count on every partial response
                    event.putObject("usageMetadata").put("promptTokenCount", text.promptTokens())
                            .put("totalTokenCount", text.promptTokens());
                }
                Replies.event(out, null, event);
            }
        }
    }

    private static ObjectNode toolCall(Reply.ToolCall call, String model) {
        ObjectNode response = response(model, responseId());
        ObjectNode part = JSON.createObjectNode();
        try {
            part.putObject("functionCall").put("name", call.name()).set("args", JSON.readTree(call.argumentsJson()));
        } catch (IOException e) {
            throw new IllegalArgumentException("argumentsJson is not JSON: " + call.argumentsJson(), e);
        }
        candidate(response, part).put("finishReason", "STOP");
        usage(response, call.promptTokens(), call.completionTokens());
        return response;
    }

    private static ObjectNode blockedPrompt(String model) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode feedback = response.putObject("promptFeedback").put("blockReason", "SAFETY");
        ArrayNode ratings = feedback.putArray("safetyRatings");
        ratings.addObject().put("category", "HARM_CATEGORY_DANGEROUS_CONTENT").put("probability", "HIGH");
        ratings.addObject().put("category", "HARM_CATEGORY_HARASSMENT").put("probability", "NEGLIGIBLE");
        response.putObject("usageMetadata").put("promptTokenCount", 8).put("totalTokenCount", 8);
        response.put("modelVersion", model);
        return response;
    }

    /** One JSON answer, or the same object as the only event of a stream. */
    private static void whole(HttpExchange exchange, JsonNode response, boolean stream) throws IOException {
        if (!stream) {
            Replies.json(exchange, 200, response);
            return;
        }
        try (OutputStream out = Replies.openEventStream(exchange)) {
            Replies.event(out, null, response);
        }
    }

    private static ObjectNode response(String model, String responseId) {
        ObjectNode response = JSON.createObjectNode();
        response.putArray("candidates");
        response.put("modelVersion", model).put("responseId", responseId);
        return response;
    }

    private static ObjectNode candidate(ObjectNode response, ObjectNode part) {
        ObjectNode candidate = ((ArrayNode) response.get("candidates")).addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").add(part);
        content.put("role", "model");
        candidate.put("index", 0);
        return candidate;
    }

    private static ObjectNode textPart(String text) {
        return JSON.createObjectNode().put("text", text);
    }

    private static void usage(ObjectNode response, int prompt, int completion) {
        response.putObject("usageMetadata").put("promptTokenCount", prompt).put("candidatesTokenCount", completion)
                .put("totalTokenCount", prompt + completion);
    }

    private static String responseId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }
}
