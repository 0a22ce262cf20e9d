package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;

/**
 * A gateway error as Anthropic's API reports one, {@code {"type":"error","error":{"type","message"}}}, for the
 * Messages front door: its clients (the Anthropic SDKs, Claude Code) switch on Anthropic's error types and
 * retry on their statuses, so an overloaded provider answers 529 {@code overloaded_error} as Anthropic does.
 */
public final class AnthropicErrorShape {
    /** Anthropic's status for an overloaded service; its SDKs retry it like a 503. */
    public static final int OVERLOADED = 529;

    private AnthropicErrorShape() {
    }

    /** The HTTP status to answer with: the error's own, except that an overload is Anthropic's 529. */
    public static int status(GatewayException error) {
        return isOverload(error) ? OVERLOADED : error.status();
    }

    /** Anthropic's error type for the error. */
    public static String type(GatewayException error) {
        if (isOverload(error)) {
            return "overloaded_error";
        }
        return switch (error.type()) {
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMIT -> "rate_limit_error";
            case TIMEOUT -> "timeout_error";
            case INVALID_REQUEST, CONTEXT_WINDOW_EXCEEDED, CONTENT_POLICY -> "invalid_request_error";
            case API_CONNECTION, UPSTREAM, INTERNAL, SERVICE_UNAVAILABLE -> "api_error";
        };
    }

    public static ObjectNode body(GatewayException error) {
        return body(type(error), error.getMessage());
    }

    public static ObjectNode body(String type, String message) {
        ObjectNode root = Json.mapper().createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return root;
    }

    public static byte[] bytes(GatewayException error) {
        return Json.bytes(body(error));
    }

    /** The {@code event: error} frame that ends a stream which broke after it started. */
    public static byte[] frame(GatewayException error) {
        return AnthropicEvents.frame(body(error));
    }

    private static boolean isOverload(GatewayException error) {
        return error.status() == OVERLOADED || error.type() == ErrorType.SERVICE_UNAVAILABLE;
    }
}
