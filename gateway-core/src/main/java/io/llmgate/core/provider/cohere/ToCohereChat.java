package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

import java.util.List;

/**
 * An OpenAI chat request as a Cohere v2 chat body: messages role by role (system, user, assistant with
 * {@code tool_calls}, tool with {@code tool_call_id}), tools in OpenAI's function shape as Cohere takes them, and
 * the sampling parameters under Cohere's names ({@code p}, {@code stop_sequences}, {@code k}). The deployment's
 * default params apply where the request sets nothing.
 */
final class ToCohereChat {
    /** Cohere's own chat fields a caller may send as extras; passed through unchanged. */
    private static final List<String> NATIVE = List.of("k", "safety_mode", "documents", "citation_options",
            "strict_tools", "thinking", "priority");
    private static final List<String> SAME_NAME = List.of("temperature", "seed", "frequency_penalty", "presence_penalty");

    private ToCohereChat() {
    }

    static ObjectNode body(InferenceRequest request, Deployment deployment) {
        ObjectNode in = request.body().objectNode();
        in.setAll(deployment.config().params().bodyDefaults());
        in.setAll(request.body());
        ObjectNode out = in.objectNode().put("model", deployment.upstreamModel());
        out.set("messages", messages(in.path("messages")));
        if (request.stream()) {
            out.put("stream", true);
        }
        SAME_NAME.forEach(name -> copy(in, name, out, name));
        copy(in, "max_tokens", out, "max_tokens");
        copy(in, "max_completion_tokens", out, "max_tokens"); // the newer name wins, as at OpenAI
        copy(in, "top_p", out, "p");
        copy(in, "top_k", out, "k");
        JsonNode stop = in.path("stop");
        if (stop.isTextual()) {
            out.putArray("stop_sequences").add(stop.textValue());
        } else if (stop.isArray()) {
            out.set("stop_sequences", stop);
        }
        NATIVE.forEach(name -> copy(in, name, out, name));
        tools(in, out);
        responseFormat(in.path("response_format"), out);
        return out;
    }

    private static void copy(ObjectNode in, String from, ObjectNode out, String to) {
        JsonNode value = in.get(from);
        if (value != null && !value.isNull()) {
            out.set(to, value);
        }
    }

    private static ArrayNode messages(JsonNode messages) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            switch (role) {
                case "system", "developer" -> out.addObject().put("role", "system").set("content", content(message.path("content")));
                case "assistant" -> out.add(assistant(message));
                case "tool" -> out.addObject().put("role", "tool")
                        .put("tool_call_id", message.path("tool_call_id").asText())
                        .set("content", content(message.path("content")));
                default -> out.addObject().put("role", role).set("content", content(message.path("content")));
            }
        }
        return out;
    }

    /** Text stays a string; a parts array keeps its text parts and images in Cohere's part shape. */
    private static JsonNode content(JsonNode content) {
        if (!content.isArray()) {
            return content.isNull() || content.isMissingNode() ? JsonNodeFactory.instance.textNode("") : content;
        }
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (JsonNode part : content) {
            if ("image_url".equals(part.path("type").asText())) {
                JsonNode image = part.path("image_url");
                parts.addObject().put("type", "image_url").putObject("image_url")
                        .put("url", image.isTextual() ? image.textValue() : image.path("url").asText());
            } else if ("text".equals(part.path("type").asText())) {
                parts.addObject().put("type", "text").put("text", part.path("text").asText());
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /** An assistant turn that called tools carries its text as Cohere's {@code tool_plan}. */
    private static ObjectNode assistant(JsonNode message) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("role", "assistant");
        JsonNode calls = message.path("tool_calls");
        JsonNode content = message.path("content");
        boolean hasText = !content.isNull() && !content.isMissingNode() && !(content.isTextual() && content.textValue().isEmpty());
        if (calls.isArray() && !calls.isEmpty()) {
            ArrayNode toolCalls = out.putArray("tool_calls");
            for (JsonNode call : calls) {
                ObjectNode cohereCall = toolCalls.addObject().put("id", call.path("id").asText()).put("type", "function");
                cohereCall.putObject("function").put("name", call.path("function").path("name").asText())
                        .put("arguments", call.path("function").path("arguments").asText("{}"));
            }
            if (hasText) {
                out.put("tool_plan", FromCohereChat.text(content));
            }
        } else {
            out.set("content", hasText ? content(content) : JsonNodeFactory.instance.textNode(""));
        }
        return out;
    }

    /**
     * Tools pass in OpenAI's shape. {@code tool_choice} maps to Cohere's {@code REQUIRED}/{@code NONE}; a named
     * function becomes {@code REQUIRED} with only that tool offered, which forces exactly that call.
     */
    private static void tools(ObjectNode in, ObjectNode out) {
        JsonNode tools = in.path("tools");
        JsonNode choice = in.path("tool_choice");
        if (choice.isObject() && tools.isArray()) {
            String name = choice.path("function").path("name").asText();
            ArrayNode only = out.putArray("tools");
            tools.forEach(tool -> {
                if (name.equals(tool.path("function").path("name").asText())) {
                    only.add(tool);
                }
            });
            out.put("tool_choice", "REQUIRED");
            return;
        }
        if (tools.isArray() && !tools.isEmpty()) {
            out.set("tools", tools);
        }
        if ("required".equals(choice.asText())) {
            out.put("tool_choice", "REQUIRED");
        } else if ("none".equals(choice.asText())) {
            out.put("tool_choice", "NONE");
        }
    }

    private static void responseFormat(JsonNode format, ObjectNode out) {
        String type = format.path("type").asText();
        if ("json_object".equals(type)) {
            out.putObject("response_format").put("type", "json_object");
        } else if ("json_schema".equals(type)) {
            out.putObject("response_format").put("type", "json_object")
                    .set("json_schema", format.path("json_schema").path("schema"));
        }
    }
}
