package io.llmgate.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * A server-sent-event answer as the client saw it: every line with its arrival time, and how the body
 * ended. Helpers pick out the {@code data:} payloads and the OpenAI chat chunks among them.
 *
 * @param status     HTTP status
 * @param headers    response headers
 * @param lines      every line of the body, empty ones included, in arrival order
 * @param readFailure why reading the body stopped early (connection cut), or null when it ended normally
 */
public record StreamedResponse(int status, HttpHeaders headers, List<Line> lines, String readFailure) {

    /** One body line and the milliseconds between sending the request and reading the line. */
    public record Line(long atMillis, String text) {
    }

    public static final String DONE = "[DONE]";

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code data:} lines, in order. */
    public List<Line> dataLines() {
        return lines.stream().filter(line -> line.text().startsWith("data:")).toList();
    }

    /** The names of the {@code event:} lines, in order (Anthropic's streams name every event). */
    public List<String> eventNames() {
        return lines.stream().filter(line -> line.text().startsWith("event:"))
                .map(line -> line.text().substring("event:".length()).strip()).toList();
    }

    /** The payloads of the {@code data:} lines, e.g. a JSON chunk or {@code [DONE]}. */
    public List<String> data() {
        return dataLines().stream().map(StreamedResponse::payload).toList();
    }

    /** The JSON payloads (everything but {@code [DONE]}). */
    public List<JsonNode> chunks() {
        return data().stream().filter(payload -> !payload.equals(DONE)).map(Json::parse).toList();
    }

    /** The {@code data:} lines whose chunk carries assistant text, with their arrival times. */
    public List<Line> contentLines() {
        return dataLines().stream()
                .filter(line -> !payload(line).equals(DONE))
                .filter(line -> !deltaContent(Json.parse(payload(line))).isEmpty())
                .toList();
    }

    /** All assistant text of the stream, concatenated. */
    public String content() {
        StringBuilder text = new StringBuilder();
        chunks().forEach(chunk -> text.append(deltaContent(chunk)));
        return text.toString();
    }

    /** An {@code event: error} line, or a data payload with an {@code error} object. */
    public boolean hasErrorEvent() {
        return lines.stream().anyMatch(line -> line.text().strip().equals("event: error"))
                || data().stream().filter(payload -> !payload.equals(DONE))
                        .map(Json::parseOrNull)
                        .anyMatch(node -> node != null && node.path("error").isObject());
    }

    /** The body as it came, for failure messages. */
    public String body() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    private static String payload(Line line) {
        return line.text().substring("data:".length()).strip();
    }

    private static String deltaContent(JsonNode chunk) {
        return chunk.path("choices").path(0).path("delta").path("content").asText("");
    }
}
