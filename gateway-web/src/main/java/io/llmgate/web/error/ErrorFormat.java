package io.llmgate.web.error;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.AnthropicErrorShape;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.regex.Pattern;

/**
 * The error shape a route's clients understand: OpenAI's everywhere, Anthropic's on the Messages front door
 * ({@code /v1/messages} and below), whose clients (Anthropic SDKs, Claude Code) read only Anthropic's. Chosen
 * by path, so that errors raised before a resource runs (authentication, no such route) match too.
 */
public enum ErrorFormat {
    OPENAI {
        @Override
        public int status(GatewayException error) {
            return error.status();
        }

        @Override
        public byte[] body(GatewayException error) {
            return ErrorResponses.body(error);
        }
    },
    ANTHROPIC {
        @Override
        public int status(GatewayException error) {
            return AnthropicErrorShape.status(error);
        }

        @Override
        public byte[] body(GatewayException error) {
            return AnthropicErrorShape.bytes(error);
        }
    };

    private static final Pattern MESSAGES_ROUTES = Pattern.compile("/?(v1/)?messages(/.*)?");

    /** @param path the request path below the application root, with or without its leading slash; null: OpenAI */
    public static ErrorFormat forPath(String path) {
        return path != null && MESSAGES_ROUTES.matcher(path).matches() ? ANTHROPIC : OPENAI;
    }

    /** The HTTP status the error travels with in this shape. */
    public abstract int status(GatewayException error);

    /** The JSON error body, UTF-8. */
    public abstract byte[] body(GatewayException error);

    /** The error as a JAX-RS answer, for filters, mappers and resources. */
    public Response response(GatewayException error) {
        byte[] body = body(error);
        Response.ResponseBuilder response = Response.status(status(error)).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body).header("Content-Length", body.length);
        error.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    public Response response(ErrorType type, int status, String message) {
        return response(GatewayException.withStatus(type, status, message));
    }
}
