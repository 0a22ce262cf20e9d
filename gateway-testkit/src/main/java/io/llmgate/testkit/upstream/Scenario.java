package io.llmgate.testkit.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the fake upstream answers requests for one model. Start from a static factory and refine
 * with the {@code with*} methods, e.g. {@code Scenario.stream(5, ofMillis(200)).withDelayBeforeHeaders(ofSeconds(1))}.
 *
 * <p>Order of effects: wait {@code delayBeforeHeaders}; then an {@code error} or {@code malformed}
 * body replaces the normal answer; otherwise the status and headers of the normal answer are sent,
 * then after {@code delayAfterHeaders} its body follows, with {@code content} split into {@code chunks}
 * stream events, {@code interval} apart, pausing for the stall and dropping the connection where asked.
 * Non-streaming answers honour the stall (headers first, body after the pause) and the drop (half the
 * body, then the connection is cut).
 *
 * @param content            the assistant text (chat) or completion text
 * @param chunks             how many content events a stream carries (at most one per character)
 * @param interval           pause between consecutive content events
 * @param delayBeforeHeaders pause before anything is sent
 * @param delayAfterHeaders  pause between a normal answer's headers and its first body byte: a stream that
 *                           opened but stays silent before its first event
 * @param dropAfterChunks    cut the connection after this many content events, with no {@code [DONE]}
 * @param stall              one long pause after some content events
 * @param error              a fixed status, body and headers sent instead of the normal answer
 * @param malformedBody      a broken body sent with status 200 instead of the normal answer
 * @param toolCalls          function calls the assistant makes after its text (chat only): then the answer
 *                           ends with {@code finish_reason: tool_calls}, and a stream carries each call's
 *                           arguments in {@code chunks} pieces after a delta with its id and name
 */
public record Scenario(
        String content,
        int chunks,
        Duration interval,
        Duration delayBeforeHeaders,
        Duration delayAfterHeaders,
        OptionalInt dropAfterChunks,
        Optional<Stall> stall,
        Optional<ErrorReply> error,
        Optional<String> malformedBody,
        List<ToolCall> toolCalls) {

    public static final String DEFAULT_CONTENT = "Hello from the fake upstream.";
    public static final int DEFAULT_CHUNKS = 4;

    /** A pause of {@code pause} after {@code afterChunks} content events. */
    public record Stall(int afterChunks, Duration pause) {
        public Stall {
            requireAtLeast("stallAfterChunks", afterChunks, 0);
            requireNotNegative("stall", pause);
        }
    }

    /** A verbatim reply: status, raw body and headers (names as given). */
    public record ErrorReply(int status, String body, Map<String, String> headers) {
        public ErrorReply {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status: " + status + " (expected: 100..599)");
            }
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }
    }

    /** One function call of the assistant: {@code argumentsJson} is sent as the arguments string, as is. */
    public record ToolCall(String id, String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    public Scenario {
        Objects.requireNonNull(content, "content");
        requireAtLeast("chunks", chunks, 1);
        requireNotNegative("interval", interval);
        requireNotNegative("delayBeforeHeaders", delayBeforeHeaders);
        requireNotNegative("delayAfterHeaders", delayAfterHeaders);
        dropAfterChunks.ifPresent(k -> requireAtLeast("dropAfterChunks", k, 0));
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(malformedBody, "malformedBody");
        toolCalls = List.copyOf(toolCalls);
    }

    /** The default: a normal answer saying {@link #DEFAULT_CONTENT}, streamed in 4 events. */
    public static Scenario ok() {
        return new Scenario(DEFAULT_CONTENT, DEFAULT_CHUNKS, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static Scenario content(String text) {
        return ok().withContent(text);
    }

    /** A stream of {@code chunks} content events, {@code interval} apart (the default text grows to fill them). */
    public static Scenario stream(int chunks, Duration interval) {
        return ok().withContent(defaultContentFor(chunks)).withStream(chunks, interval);
    }

    /**
     * Answers every request with {@code status} and {@code rawBody} verbatim. Headers come as
     * name/value pairs, e.g. {@code error(429, body, "Retry-After", "2")}; the content type is
     * {@code application/json} unless a pair sets it.
     */
    public static Scenario error(int status, String rawBody, String... headerNameValuePairs) {
        if (headerNameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("headerNameValuePairs: " + headerNameValuePairs.length
                    + " values (expected: name/value pairs)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerNameValuePairs.length; i += 2) {
            headers.put(headerNameValuePairs[i], headerNameValuePairs[i + 1]);
        }
        return ok().withError(new ErrorReply(status, rawBody, headers));
    }

    /** An error in OpenAI's shape: {@code {"error":{"message","type","param":null,"code"}}}; code may be null. */
    public static Scenario openAiError(int status, String type, String message, String code) {
        return error(status, Json.text(OpenAiError.body(message, type, null, code)));
    }

    /** An answer with no text and one call of the function {@code name}; add more with {@link #withToolCall}. */
    public static Scenario toolCall(String id, String name, String argumentsJson) {
        return ok().withContent("").withToolCall(id, name, argumentsJson);
    }

    public static Scenario delayBeforeHeaders(Duration delay) {
        return ok().withDelayBeforeHeaders(delay);
    }

    /** Sends the headers of a normal answer at once and its body after {@code delay}. */
    public static Scenario delayAfterHeaders(Duration delay) {
        return ok().withDelayAfterHeaders(delay);
    }

    /**
     * Streams {@code k} content events (or all, if fewer), then closes the connection without
     * finishing the chunked encoding: no finish event, no {@code [DONE]}, no zero-length chunk.
     */
    public static Scenario dropAfterChunks(int k) {
        return ok().withDropAfterChunks(k);
    }

    /** Streams {@code k} content events (or all, if fewer), pauses for {@code stall}, then finishes normally. */
    public static Scenario stallAfterChunks(int k, Duration stall) {
        return ok().withStallAfterChunks(k, stall);
    }

    /** Status 200, {@code application/json}, and this broken body (a stream gets it as one {@code data:} event). */
    public static Scenario malformed(String rawBody) {
        return ok().withMalformedBody(rawBody);
    }

    public Scenario withContent(String text) {
        return new Scenario(text, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks, stall,
                error, malformedBody, toolCalls);
    }

    public Scenario withStream(int chunks, Duration interval) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks, stall,
                error, malformedBody, toolCalls);
    }

    public Scenario withDelayBeforeHeaders(Duration delay) {
        return new Scenario(content, chunks, interval, delay, delayAfterHeaders, dropAfterChunks, stall, error,
                malformedBody, toolCalls);
    }

    /** Sends the status and headers at once, then nothing for {@code delay}: a stream silent before its first event. */
    public Scenario withDelayAfterHeaders(Duration delay) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delay, dropAfterChunks, stall, error,
                malformedBody, toolCalls);
    }

    public Scenario withDropAfterChunks(int k) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, OptionalInt.of(k), stall,
                error, malformedBody, toolCalls);
    }

    public Scenario withStallAfterChunks(int k, Duration pause) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks,
                Optional.of(new Stall(k, pause)), error, malformedBody, toolCalls);
    }

    public Scenario withError(ErrorReply reply) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks, stall,
                Optional.of(reply), malformedBody, toolCalls);
    }

    public Scenario withMalformedBody(String rawBody) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks, stall,
                error, Optional.of(rawBody), toolCalls);
    }

    /** Adds a call of the function {@code name} after any earlier ones. */
    public Scenario withToolCall(String id, String name, String argumentsJson) {
        List<ToolCall> calls = new ArrayList<>(toolCalls);
        calls.add(new ToolCall(id, name, argumentsJson));
        return new Scenario(content, chunks, interval, delayBeforeHeaders, delayAfterHeaders, dropAfterChunks, stall,
                error, malformedBody, calls);
    }

    /**
     * The content cut into {@code chunks} pieces of near-equal length, or one piece per
     * character when the text is shorter; none when it is empty.
     */
    List<String> pieces() {
        return pieces(content);
    }

    /** {@code text} cut as {@link #pieces()} cuts the content: what a stream sends of a tool call's arguments. */
    List<String> pieces(String text) {
        int count = Math.min(chunks, text.length());
        List<String> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // long arithmetic: chunks x length overflows an int for multi-megabyte streams
            pieces.add(text.substring((int) ((long) i * text.length() / count),
                    (int) ((long) (i + 1) * text.length() / count)));
        }
        return pieces;
    }

    /** The default text, repeated until it can fill {@code chunks} events. */
    private static String defaultContentFor(int chunks) {
        StringBuilder text = new StringBuilder(DEFAULT_CONTENT);
        while (text.length() < chunks) {
            text.append(' ').append(DEFAULT_CONTENT);
        }
        return text.toString();
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
        }
    }
}
