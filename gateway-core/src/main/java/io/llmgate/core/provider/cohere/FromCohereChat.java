package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ChatChunkWriter;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.request.InferenceRequest;

import java.time.Instant;

/**
 * A Cohere v2 chat answer as an OpenAI {@code chat.completion}: the text parts joined into {@code content},
 * thinking parts into {@code reasoning_content}, {@code tool_calls} as they are (Cohere uses OpenAI's shape), the
 * {@code tool_plan} as content when the model only called tools, the finish reason and usage mapped.
 */
final class FromCohereChat {
    private FromCohereChat() {
    }

    static ObjectNode completion(InferenceRequest request, byte[] upstreamBody) {
        JsonNode answer = ProviderErrors.parse(upstreamBody);
        if (!answer.path("message").isObject()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, "cohere returned a chat answer without a message",
                    true, "cohere", request.model(), null);
        }
        JsonNode message = answer.path("message");
        ObjectNode completion = JsonNodeFactory.instance.objectNode()
                .put("id", answer.path("id").asText("cohere-chat"))
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", request.model());
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode out = choice.putObject("message").put("role", "assistant");
        String text = text(message.path("content"));
        JsonNode calls = message.path("tool_calls");
        boolean called = calls.isArray() && !calls.isEmpty();
        String content = text.isEmpty() && called ? message.path("tool_plan").asText("") : text;
        if (content.isEmpty() && called) {
            out.putNull("content");
        } else {
            out.put("content", content);
        }
        String reasoning = thinking(message.path("content"));
        if (!reasoning.isEmpty()) {
            out.put("reasoning_content", reasoning);
        }
        if (called) {
            ArrayNode toolCalls = out.putArray("tool_calls");
            calls.forEach(call -> {
                ObjectNode openAi = toolCalls.addObject().put("id", call.path("id").asText()).put("type", "function");
                openAi.putObject("function").put("name", call.path("function").path("name").asText())
                        .put("arguments", call.path("function").path("arguments").asText("{}"));
            });
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(answer.path("finish_reason").asText()));
        completion.set("usage", usage(answer.path("usage")));
        return completion;
    }

    /** The text of a content given as a string or as parts (only {@code text} parts count). */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> {
            if (part.isTextual()) {
                text.append(part.textValue());
            } else if ("text".equals(part.path("type").asText("text")) && part.has("text")) {
                text.append(part.path("text").asText());
            }
        });
        return text.toString();
    }

    private static String thinking(JsonNode content) {
        StringBuilder thinking = new StringBuilder();
        content.forEach(part -> {
            if ("thinking".equals(part.path("type").asText())) {
                thinking.append(part.path("thinking").asText());
            }
        });
        return thinking.toString();
    }

    /**
     * Cohere's finish reasons in OpenAI's terms. {@code ERROR} (generation failed after it began) has no OpenAI
     * counterpart and ends as {@code stop}, like LiteLLM's mapping of unknown reasons.
     */
    static String finishReason(String cohere) {
        return switch (cohere) {
            case "MAX_TOKENS", "ERROR_LIMIT" -> "length";
            case "TOOL_CALL" -> "tool_calls";
            case "ERROR_TOXIC" -> "content_filter";
            default -> "stop";
        };
    }

    /** Cohere reports {@code tokens} (what the model saw) and {@code billed_units}; the former when present. */
    static ObjectNode usage(JsonNode usage) {
        JsonNode counts = usage.path("tokens").has("input_tokens") ? usage.path("tokens") : usage.path("billed_units");
        return ChatChunkWriter.usage(counts.path("input_tokens").asLong(0), counts.path("output_tokens").asLong(0));
    }
}
