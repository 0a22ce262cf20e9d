package io.llmgate.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders errors in OpenAI's shape, with LiteLLM's convention of the HTTP status as {@code code}. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static Response of(GatewayException error) {
        byte[] body = body(error);
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Content-Length", body.length).build();
    }

    public static Response of(ErrorType type, int status, String message) {
        return of(GatewayException.withStatus(type, status, message));
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
