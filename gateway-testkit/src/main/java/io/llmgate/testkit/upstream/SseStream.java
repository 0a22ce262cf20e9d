package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-event response as OpenAI writes it: {@code text/event-stream}, chunked, every
 * event {@code data: <json>\n\n} written and flushed on its own so a client (or the gateway)
 * receives it the moment it is sent, and a final {@code data: [DONE]}.
 */
final class SseStream {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpExchange exchange;
    private final OutputStream out;

    private SseStream(HttpExchange exchange) {
        this.exchange = exchange;
        this.out = exchange.getResponseBody();
    }

    static SseStream open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked transfer encoding
        return new SseStream(exchange);
    }

    void event(JsonNode data) throws IOException {
        event(Json.text(data));
    }

    void event(String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends {@code [DONE]} and finishes the chunked body cleanly. */
    void done() throws IOException {
        out.write(DONE);
        out.flush();
        exchange.close();
    }
}
