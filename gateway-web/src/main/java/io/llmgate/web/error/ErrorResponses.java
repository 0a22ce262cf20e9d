package io.llmgate.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

/**
 * The OpenAI error body, with LiteLLM's convention of the HTTP status as {@code code}; {@link ErrorFormat} turns
 * it into an answer.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    /** {@code {"error":{"message":..,"type":..,"param":..,"code":"<status>"}}} as UTF-8 bytes. */
    public static byte[] body(GatewayException error) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("message", error.getMessage());
        body.put("type", error.type().wireName());
        body.put("param", error.param());
        body.put("code", Integer.toString(error.status()));
        if (error.provider() != null) {
            body.put("llm_provider", error.provider());
        }
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always serializes", e);
        }
    }
}
