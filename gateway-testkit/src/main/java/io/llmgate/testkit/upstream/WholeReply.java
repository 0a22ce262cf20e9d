package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Sends a complete, non-streamed body. Under a scenario it can pause between headers and body
 * (stall) or send half the body and cut the connection (drop), the non-streaming analogues of
 * a stalled or dropped stream.
 */
final class WholeReply {
    static final String JSON = "application/json";

    private WholeReply() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON, Json.bytes(body), Scenario.ok());
    }

    static void json(HttpExchange exchange, JsonNode body, Scenario scenario) throws IOException {
        send(exchange, 200, JSON, Json.bytes(body), scenario);
    }

    /** The scenario's verbatim error: its headers as given, JSON unless they name another content type. */
    static void error(HttpExchange exchange, Scenario.ErrorReply error) throws IOException {
        String contentType = JSON;
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else {
                exchange.getResponseHeaders().add(header.getKey(), header.getValue());
            }
        }
        send(exchange, error.status(), contentType, error.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Scenario.ok());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Scenario scenario)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (scenario.dropAfterChunks().isPresent()) {
            exchange.sendResponseHeaders(status, 0); // chunked, so the cut cannot look like a complete body
            Pause.sleep(scenario.delayAfterHeaders());
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new ConnectionDrop("dropped after half of a " + body.length + "-byte body");
        }
        // -1 tells the JDK server "no body"; 0 would mean chunked
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        Pause.sleep(scenario.delayAfterHeaders());
        if (scenario.stall().isPresent()) {
            Pause.sleep(scenario.stall().get().pause());
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
