package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.ProviderErrors;

import java.util.UUID;

/**
 * A Converse answer to an OpenAI {@code chat.completion}: text blocks joined into {@code content},
 * {@code toolUse} blocks as {@code tool_calls} (input serialized as the arguments string), reasoning as
 * {@code reasoning_content}, {@code stopReason} as {@code finish_reason}, and the usage.
 */
final class FromConverse {
    private FromConverse() {
    }

    static byte[] chatCompletion(byte[] converseBody, String model) {
        JsonNode answer = ProviderErrors.parse(converseBody);
        JsonNode message = answer.path("output").path("message");
        if (!message.isObject()) {
            throw GatewayException.upstream(ErrorType.UPSTREAM, 502, "bedrock answered without output.message",
                    true, BedrockAdapter.PROVIDER, model, null);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = Json.mapper().createArrayNode();
        for (JsonNode block : message.path("content")) {
            if (block.path("text").isTextual()) {
                text.append(block.get("text").textValue());
            } else if (block.has("toolUse")) {
                JsonNode use = block.get("toolUse");
                ObjectNode call = toolCalls.addObject().put("id", use.path("toolUseId").asText()).put("type", "function");
                call.putObject("function").put("name", use.path("name").asText())
                        .put("arguments", use.has("input") ? use.get("input").toString() : "{}");
            } else if (block.has("reasoningContent")) {
                reasoning.append(block.get("reasoningContent").path("reasoningText").path("text").asText(""));
            }
        }
        ObjectNode completion = Json.mapper().createObjectNode()
                .put("id", "chatcmpl-" + UUID.randomUUID())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode openAiMessage = choice.putObject("message").put("role", "assistant");
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            openAiMessage.putNull("content");
        } else {
            openAiMessage.put("content", text.toString());
        }
        if (!toolCalls.isEmpty()) {
            openAiMessage.set("tool_calls", toolCalls);
        }
        if (!reasoning.isEmpty()) {
            openAiMessage.put("reasoning_content", reasoning.toString());
        }
        choice.put("finish_reason", ConverseResults.finishReason(answer.path("stopReason").asText(null)));
        completion.set("usage", ConverseResults.usage(answer.path("usage")));
        return Json.bytes(completion);
    }
}
