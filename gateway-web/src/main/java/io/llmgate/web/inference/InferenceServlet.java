package io.llmgate.web.inference;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceEndpoint;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * The inference routes, with and without {@code /v1}: OpenAI's, and Anthropic's Messages front door (its
 * {@code count_tokens} is an ordinary JAX-RS resource), served by an async servlet rather than JAX-RS. These are the gateway's hot path, and the benchmark measured JAX-RS's per-request machinery
 * (resource matching, provider lookups, the resume of a suspended request on a foreign thread) at about
 * 100-130 µs of CPU per request, a third of the budget. Exact servlet mappings take precedence over the JAX-RS
 * application mapped at {@code /*}, on Payara and on WildFly alike. Every other route stays JAX-RS.
 */
@WebServlet(urlPatterns = {"/v1/chat/completions", "/chat/completions", "/v1/completions", "/completions",
        "/v1/embeddings", "/embeddings", "/v1/messages", "/messages"}, asyncSupported = true, loadOnStartup = 1)
public class InferenceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, FrontDoor> ROUTES = Map.of(
            "/v1/chat/completions", FrontDoor.openAi(InferenceEndpoint.CHAT_COMPLETIONS),
            "/chat/completions", FrontDoor.openAi(InferenceEndpoint.CHAT_COMPLETIONS),
            "/v1/completions", FrontDoor.openAi(InferenceEndpoint.COMPLETIONS),
            "/completions", FrontDoor.openAi(InferenceEndpoint.COMPLETIONS),
            "/v1/embeddings", FrontDoor.openAi(InferenceEndpoint.EMBEDDINGS),
            "/embeddings", FrontDoor.openAi(InferenceEndpoint.EMBEDDINGS),
            "/v1/messages", FrontDoor.anthropicMessages(),
            "/messages", FrontDoor.anthropicMessages());

    @Inject
    transient InferenceDispatcher dispatcher;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        FrontDoor door = ROUTES.getOrDefault(path, FrontDoor.openAi(InferenceEndpoint.CHAT_COMPLETIONS));
        if (!"POST".equals(request.getMethod()) || !ROUTES.containsKey(path)) {
            response.setHeader("Allow", "POST");
            InferenceResponses.error(response, door.errors(), GatewayException.withStatus(ErrorType.INVALID_REQUEST,
                    405, "Method not allowed on " + path));
            return;
        }
        dispatcher.dispatch(door, request, response);
    }
}
