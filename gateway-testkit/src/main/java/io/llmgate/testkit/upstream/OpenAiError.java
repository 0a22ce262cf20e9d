package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, with nulls written out as OpenAI does. */
final class OpenAiError {
    static final String INVALID_REQUEST = "invalid_request_error";

    private OpenAiError() {
    }

    static ObjectNode body(String message, String type, String param, String code) {
        ObjectNode error = Json.object()
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    static ObjectNode invalidRequest(String message) {
        return body(message, INVALID_REQUEST, null, null);
    }
}
