package io.llmgate.testkit.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writing answers the way providers do: whole JSON bodies, and server-sent events flushed one by one. */
public final class Replies {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    /** A complete JSON answer with a Content-Length. */
    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        bytes(exchange, status, "application/json", toBytes(body));
    }

    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Starts a chunked {@code text/event-stream} answer; write events with {@link #event}. */
    public static OutputStream openEventStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Writes and flushes one event; {@code name} null writes a data-only event. */
    public static void event(OutputStream out, String name, JsonNode data) throws IOException {
        String frame = (name == null ? "" : "event: " + name + "\n") + "data: " + toText(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code text} cut into {@code parts} pieces of about equal length (fewer when the text is shorter). */
    public static List<String> split(String text, int parts) {
        List<String> pieces = new ArrayList<>(parts);
        int size = Math.max(1, (text.length() + parts - 1) / parts);
        for (int start = 0; start < text.length(); start += size) {
            pieces.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        if (pieces.isEmpty()) {
            pieces.add("");
        }
        return pieces;
    }

    public static byte[] toBytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
