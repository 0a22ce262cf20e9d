package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records each request, then routes it as OpenAI would: unknown routes and unparsable bodies get
 * OpenAI's error bodies, POST routes get the scenario scripted for their {@code model}.
 */
final class OpenAiDispatcher implements HttpHandler {
    private static final String UNPARSABLE_BODY = "We could not parse the JSON body of your request. (HINT: This "
            + "likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but "
            + "what was sent was not valid JSON.)";

    private final Map<String, Endpoint> postRoutes = Map.of(
            "/v1/chat/completions", new ChatCompletionsEndpoint(),
            "/v1/completions", new CompletionsEndpoint(),
            "/v1/embeddings", new EmbeddingsEndpoint());
    private final Consumer<RecordedRequest> recorder;
    private final Function<String, Optional<Scenario>> scripts;
    private final Supplier<List<String>> scriptedModels;

    private final Runnable onAbandoned;

    /** @param onAbandoned told when the client closed the connection before the answer was written */
    OpenAiDispatcher(Consumer<RecordedRequest> recorder, Function<String, Optional<Scenario>> scripts,
            Supplier<List<String>> scriptedModels, Runnable onAbandoned) {
        this.recorder = recorder;
        this.scripts = scripts;
        this.scriptedModels = scriptedModels;
        this.onAbandoned = onAbandoned;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes(); // read fully so the connection can be kept alive
        recorder.accept(RecordedRequest.of(exchange, body, receivedAt));
        try {
            route(exchange, body);
        } catch (IOException clientGone) {
            onAbandoned.run();
            throw clientGone;
        } catch (RuntimeException e) {
            if (e instanceof ConnectionDrop || exchange.getResponseCode() != -1) {
                throw e; // the server closes the socket; see ConnectionDrop
            }
            WholeReply.json(exchange, 500, OpenAiError.body("The fake upstream failed: " + e, "server_error",
                    null, null));
        }
    }

    private void route(HttpExchange exchange, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("GET") && path.equals("/v1/models")) {
            WholeReply.json(exchange, 200, ModelList.list(scriptedModels.get()));
            return;
        }
        if (method.equals("GET") && path.startsWith("/v1/models/")) {
            answerModel(exchange, path.substring("/v1/models/".length()));
            return;
        }
        Endpoint endpoint = method.equals("POST") ? postRoutes.get(path) : null;
        if (endpoint == null) {
            WholeReply.json(exchange, 404, OpenAiError.invalidRequest("Invalid URL (" + method + " " + path + ")"));
            return;
        }
        Optional<ObjectNode> request = parse(body);
        if (request.isEmpty()) {
            WholeReply.json(exchange, 400, OpenAiError.invalidRequest(UNPARSABLE_BODY));
            return;
        }
        JsonNode model = request.get().get("model");
        if (model == null || !model.isTextual()) {
            WholeReply.json(exchange, 400, OpenAiError.invalidRequest("you must provide a model parameter"));
            return;
        }
        Scenario scenario = scripts.apply(model.asText()).orElseGet(Scenario::ok);
        answer(exchange, endpoint, request.get(), scenario);
    }

    private static void answer(HttpExchange exchange, Endpoint endpoint, ObjectNode request, Scenario scenario)
            throws IOException {
        Pause.sleep(scenario.delayBeforeHeaders());
        if (scenario.error().isPresent()) {
            WholeReply.error(exchange, scenario.error().get());
        } else if (scenario.malformedBody().isPresent() && Endpoint.streaming(request)) {
            SseStream stream = SseStream.open(exchange);
            stream.event(scenario.malformedBody().get());
            stream.done();
        } else if (scenario.malformedBody().isPresent()) {
            WholeReply.send(exchange, 200, WholeReply.JSON,
                    scenario.malformedBody().get().getBytes(StandardCharsets.UTF_8), Scenario.ok());
        } else {
            endpoint.answer(exchange, request, scenario);
        }
    }

    private void answerModel(HttpExchange exchange, String id) throws IOException {
        if (ModelList.BUILT_IN.contains(id) || scriptedModels.get().contains(id)) {
            WholeReply.json(exchange, 200, ModelList.model(id));
        } else {
            WholeReply.json(exchange, 404, OpenAiError.body("The model '" + id + "' does not exist",
                    OpenAiError.INVALID_REQUEST, "model", "model_not_found"));
        }
    }

    private static Optional<ObjectNode> parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) { // Jackson's parse errors are IOExceptions
            return Optional.empty();
        }
    }
}
