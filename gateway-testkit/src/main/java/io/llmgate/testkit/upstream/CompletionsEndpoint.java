package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/completions} (legacy): a {@code text_completion}, or its event stream when streaming. */
final class CompletionsEndpoint implements Endpoint {

    @Override
    public void answer(HttpExchange exchange, ObjectNode request, Scenario scenario) throws IOException {
        boolean includeUsage = Endpoint.streaming(request) && Endpoint.includeUsage(request);
        TextCompletionWire wire = new TextCompletionWire(request.get("model").asText(), includeUsage);
        Usage usage = new Usage(promptTokens(request.path("prompt")),
                Usage.estimateTokens(scenario.content().length()));
        if (!Endpoint.streaming(request)) {
            WholeReply.json(exchange, wire.completion(scenario.content(), usage), scenario);
            return;
        }
        List<JsonNode> content = new ArrayList<>();
        scenario.pieces().forEach(piece -> content.add(wire.textChunk(piece)));
        List<JsonNode> closing = new ArrayList<>(List.of(wire.finishChunk()));
        if (includeUsage) {
            closing.add(wire.usageChunk(usage));
        }
        StreamPlayer.play(SseStream.open(exchange), List.of(), content, closing, scenario);
    }

    /** The prompt may be a string, strings, a token array or token arrays; tokens count as given. */
    private static int promptTokens(JsonNode prompt) {
        if (prompt.isTextual()) {
            return Usage.estimateTokens(prompt.asText().length());
        }
        int tokens = 0;
        for (JsonNode element : prompt) {
            tokens += element.isNumber() ? 1 : element.isArray() ? element.size() : Usage.estimateTokens(
                    element.asText().length());
        }
        return Math.max(1, tokens);
    }
}
