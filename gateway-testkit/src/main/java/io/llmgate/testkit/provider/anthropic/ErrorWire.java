package io.llmgate.testkit.provider.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;

import java.io.IOException;

/**
 * Anthropic's error answers: {@code {"type": "error", "error": {"type", "message"}, "request_id"}} with the
 * documented status of each error type, a {@code request-id} header, and {@code retry-after} on rate limits.
 * An exceeded context window and a content-filter block are plain {@code invalid_request_error}s there.
 */
final class ErrorWire {
    private ErrorWire() {
    }

    /** The status, error type and message Anthropic answers {@code kind} with. */
    record Answer(int status, String type, String message) {
        ObjectNode body(String requestId) {
            ObjectNode body = Replies.JSON.createObjectNode().put("type", "error");
            body.putObject("error").put("type", type).put("message", message);
            return body.put("request_id", requestId);
        }
    }

    static Answer of(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> new Answer(429, "rate_limit_error", "This request would exceed the rate limit for "
                    + "your organization of 50 requests per minute. Please try again later.");
            case CONTEXT_WINDOW_EXCEEDED -> new Answer(400, "invalid_request_error",
                    "prompt is too long: 208310 tokens > 200000 maximum");
            case CONTENT_POLICY -> new Answer(400, "invalid_request_error", "Output blocked by content filtering policy");
            case AUTHENTICATION -> new Answer(401, "authentication_error", "invalid x-api-key");
            case BAD_REQUEST -> new Answer(400, "invalid_request_error", "temperature: range: 0..1");
            case SERVER_ERROR -> new Answer(500, "api_error", "Internal server error");
            case OVERLOADED -> new Answer(529, "overloaded_error", "Overloaded");
        };
    }

    static void write(HttpExchange exchange, Answer answer, String requestId) throws IOException {
        exchange.getResponseHeaders().set("request-id", requestId);
        if (answer.status() == 429) {
            exchange.getResponseHeaders().set("retry-after", "7");
        }
        Replies.json(exchange, answer.status(), answer.body(requestId));
    }
}
