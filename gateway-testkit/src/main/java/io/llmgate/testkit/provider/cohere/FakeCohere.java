package io.llmgate.testkit.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.ScriptedFake;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Cohere's v2 API on loopback: {@code POST /v2/chat} (JSON, or server-sent events named by their type with
 * {@code "stream": true}, ending after {@code message-end} without a sentinel) and {@code POST /v2/embed}. A bearer
 * token is required. Replies are scripted per the body's {@code model}.
 */
public final class FakeCohere extends ScriptedFake {
    public FakeCohere() {
        super("fake-cohere");
    }

    public static FakeCohere start() {
        return new FakeCohere();
    }

    @Override
    public String apiBase() {
        return origin();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (!request.header("Authorization").orElse("").startsWith("Bearer ")) {
            Replies.json(exchange, 401, CohereWire.error(FailureKind.AUTHENTICATION));
            return;
        }
        JsonNode body = request.bodyJson();
        Reply reply = replyFor(body.path("model").asText());
        if (reply instanceof Reply.Failure failure) {
            Replies.json(exchange, CohereWire.status(failure.kind()), CohereWire.error(failure.kind()));
        } else if ("/v2/embed".equals(request.path())) {
            embed(exchange, body, reply);
        } else if ("/v2/chat".equals(request.path())) {
            chat(exchange, body, reply);
        } else {
            Replies.json(exchange, 404, Replies.JSON.createObjectNode().put("message", "404 page not found"));
        }
    }

    private void chat(HttpExchange exchange, JsonNode body, Reply reply) throws IOException {
        CohereWire wire = new CohereWire();
        boolean stream = body.path("stream").asBoolean(false);
        if (reply instanceof Reply.Text text) {
            if (stream) {
                streamText(exchange, wire, text);
            } else {
                Replies.json(exchange, 200, wire.textAnswer(text));
            }
        } else if (reply instanceof Reply.ToolCall call) {
            if (stream) {
                streamToolCall(exchange, wire, call);
            } else {
                Replies.json(exchange, 200, wire.toolAnswer(call));
            }
        } else {
            Replies.json(exchange, 400, Replies.JSON.createObjectNode().put("message", "invalid request: model does not support chat"));
        }
    }

    private static void streamText(HttpExchange exchange, CohereWire wire, Reply.Text text) throws IOException {
        OutputStream out = Replies.openEventStream(exchange);
        send(out, wire.messageStart());
        send(out, wire.contentStart());
        for (String piece : Replies.split(text.text(), text.chunks())) {
            send(out, wire.contentDelta(piece));
        }
        send(out, wire.indexed("content-end"));
        send(out, wire.messageEnd("COMPLETE", text.promptTokens(), text.completionTokens()));
        out.close();
    }

    private static void streamToolCall(HttpExchange exchange, CohereWire wire, Reply.ToolCall call) throws IOException {
        OutputStream out = Replies.openEventStream(exchange);
        send(out, wire.messageStart());
        for (String piece : Replies.split(CohereWire.toolPlan(call), 2)) {
            send(out, wire.toolPlanDelta(piece));
        }
        send(out, wire.toolCallStart(call));
        for (String fragment : Replies.split(call.argumentsJson(), 2)) {
            send(out, wire.toolCallDelta(fragment));
        }
        send(out, wire.indexed("tool-call-end"));
        send(out, wire.messageEnd("TOOL_CALL", call.promptTokens(), call.completionTokens()));
        out.close();
    }

    private static void send(OutputStream out, ObjectNode event) throws IOException {
        Replies.event(out, event.path("type").asText(), event);
    }

    private static void embed(HttpExchange exchange, JsonNode body, Reply reply) throws IOException {
        Reply.Embedding embedding = reply instanceof Reply.Embedding e ? e : new Reply.Embedding(8, 5);
        ObjectNode answer = Replies.JSON.createObjectNode().put("id", UUID.randomUUID().toString());
        ArrayNode vectors = answer.putObject("embeddings").putArray("float");
        for (JsonNode text : body.path("texts")) {
            ArrayNode vector = vectors.addArray();
            for (int d = 0; d < embedding.dimensions(); d++) {
                vector.add(Reply.embeddingValue(d));
            }
        }
        answer.set("texts", body.path("texts"));
        ObjectNode meta = answer.putObject("meta");
        meta.putObject("api_version").put("version", "2");
        meta.putObject("billed_units").put("input_tokens", embedding.promptTokens());
        answer.put("response_type", "embeddings_by_type");
        Replies.json(exchange, 200, answer);
    }
}
