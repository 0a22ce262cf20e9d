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
        public Response response(GatewayException error) {
            return ErrorResponses.of(error);
        }
    },
    ANTHROPIC {
        @Override
        public Response response(GatewayException error) {
            byte[] body = AnthropicErrorShape.bytes(error);
            return Response.status(AnthropicErrorShape.status(error)).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                    .header("Content-Length", body.length).build();
        }
    };

    private static final Pattern MESSAGES_ROUTES = Pattern.compile("/?(v1/)?messages(/.*)?");

    /** @param path the request path below the application root, with or without its leading slash; null: OpenAI */
    public static ErrorFormat forPath(String path) {
        return path != null && MESSAGES_ROUTES.matcher(path).matches() ? ANTHROPIC : OPENAI;
    }

    public abstract Response response(GatewayException error);

    public Response response(ErrorType type, int status, String message) {
        return response(GatewayException.withStatus(type, status, message));
    }
}
