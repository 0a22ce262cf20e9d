package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}: a {@code chat.completion}, or its chunk stream when {@code "stream": true}.
 * Scripted tool calls stream after the text: a delta with each call's id and name, then its arguments in pieces.
 */
final class ChatCompletionsEndpoint implements Endpoint {

    @Override
    public void answer(HttpExchange exchange, ObjectNode request, Scenario scenario) throws IOException {
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            WholeReply.json(exchange, 400, Endpoint.missingParameter("messages"));
            return;
        }
        String model = request.get("model").asText();
        Usage usage = Usage.estimate(promptCharacters(messages), scenario.content()
                + scenario.toolCalls().stream().map(Scenario.ToolCall::argumentsJson).reduce("", String::concat));
        boolean includeUsage = Endpoint.streaming(request) && Endpoint.includeUsage(request);
        ChatCompletionWire wire = new ChatCompletionWire(model, includeUsage);
        if (!Endpoint.streaming(request)) {
            WholeReply.json(exchange, wire.completion(scenario.content(), scenario.toolCalls(), usage), scenario);
            return;
        }
        List<JsonNode> content = new ArrayList<>();
        scenario.pieces().forEach(piece -> content.add(wire.contentChunk(piece)));
        for (int i = 0; i < scenario.toolCalls().size(); i++) {
            Scenario.ToolCall call = scenario.toolCalls().get(i);
            content.add(wire.toolCallStartChunk(i, call));
            for (String fragment : scenario.pieces(call.argumentsJson())) {
                content.add(wire.toolCallArgumentsChunk(i, fragment));
            }
        }
        List<JsonNode> closing = new ArrayList<>(List.of(wire.finishChunk(scenario.toolCalls())));
        if (includeUsage) {
            closing.add(wire.usageChunk(usage));
        }
        StreamPlayer.play(SseStream.open(exchange), List.of(wire.roleChunk()), content, closing, scenario);
    }

    /** Characters of every message's text: a string content, or the text parts of an array content. */
    private static int promptCharacters(JsonNode messages) {
        int characters = 0;
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                characters += content.asText().length();
            }
            for (JsonNode part : content.isArray() ? content : List.<JsonNode>of()) {
                characters += part.path("text").asText("").length();
            }
        }
        return characters;
    }
}
