package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the fake upstream received it, recorded before it was answered.
 *
 * @param method     HTTP method, e.g. {@code POST}
 * @param path       request path without the query, e.g. {@code /v1/chat/completions}
 * @param query      raw query string, empty when there was none
 * @param headers    header values by lower-case name, in arrival order
 * @param body       the body decoded as UTF-8, empty when there was none
 * @param receivedAt when the request line and headers had arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String body,
        Instant receivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** What {@code exchange} carried, with its already-read {@code body}. */
    public static RecordedRequest of(com.sun.net.httpserver.HttpExchange exchange, byte[] body, Instant receivedAt) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key -> new java.util.ArrayList<>())
                .addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        String query = exchange.getRequestURI().getRawQuery();
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query == null ? "" : query, headers, new String(body, java.nio.charset.StandardCharsets.UTF_8),
                receivedAt);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /** The body's {@code "model"}, when the body is a JSON object naming one. */
    public Optional<String> model() {
        try {
            JsonNode root = Json.MAPPER.readTree(body); // null or a missing node for an empty body
            JsonNode model = root == null ? null : root.get("model");
            return model != null && model.isTextual() ? Optional.of(model.textValue()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The body parsed as JSON; fails when it is not JSON, which a test then wants to know. */
    public JsonNode bodyJson() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("body of " + method + " " + path + " is not JSON", e);
        }
    }
}
