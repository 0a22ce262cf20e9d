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
 * OpenAI's inference routes, with and without {@code /v1}, served by an async servlet rather than a JAX-RS
 * resource. These are the gateway's hot path, and the benchmark measured JAX-RS's per-request machinery
 * (resource matching, provider lookups, the resume of a suspended request on a foreign thread) at about
 * 100-130 µs of CPU per request, a third of the budget. Exact servlet mappings take precedence over the JAX-RS
 * application mapped at {@code /*}, on Payara and on WildFly alike. Every other route stays JAX-RS.
 */
@WebServlet(urlPatterns = {"/v1/chat/completions", "/chat/completions", "/v1/completions", "/completions",
        "/v1/embeddings", "/embeddings"}, asyncSupported = true, loadOnStartup = 1)
public class InferenceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, InferenceEndpoint> ROUTES = Map.of(
            "/v1/chat/completions", InferenceEndpoint.CHAT_COMPLETIONS,
            "/chat/completions", InferenceEndpoint.CHAT_COMPLETIONS,
            "/v1/completions", InferenceEndpoint.COMPLETIONS,
            "/completions", InferenceEndpoint.COMPLETIONS,
            "/v1/embeddings", InferenceEndpoint.EMBEDDINGS,
            "/embeddings", InferenceEndpoint.EMBEDDINGS);

    @Inject
    transient InferenceDispatcher dispatcher;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InferenceEndpoint endpoint = ROUTES.get(request.getServletPath());
        if (!"POST".equals(request.getMethod()) || endpoint == null) {
            response.setHeader("Allow", "POST");
            InferenceResponses.error(response, GatewayException.withStatus(ErrorType.INVALID_REQUEST, 405,
                    "Method not allowed on " + request.getServletPath()));
            return;
        }
        dispatcher.dispatch(endpoint, request, response);
    }
}
