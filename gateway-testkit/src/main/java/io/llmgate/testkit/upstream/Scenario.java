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
 * body replaces the normal answer; otherwise the normal answer is sent with {@code content}
 * split into {@code chunks} stream events, {@code interval} apart, pausing for the stall and
 * dropping the connection where asked. Non-streaming answers honour the stall (headers first,
 * body after the pause) and the drop (half the body, then the connection is cut).
 *
 * @param content            the assistant text (chat) or completion text
 * @param chunks             how many content events a stream carries (at most one per character)
 * @param interval           pause between consecutive content events
 * @param delayBeforeHeaders pause before anything is sent
 * @param dropAfterChunks    cut the connection after this many content events, with no {@code [DONE]}
 * @param stall              one long pause after some content events
 * @param error              a fixed status, body and headers sent instead of the normal answer
 * @param malformedBody      a broken body sent with status 200 instead of the normal answer
 */
public record Scenario(
        String content,
        int chunks,
        Duration interval,
        Duration delayBeforeHeaders,
        OptionalInt dropAfterChunks,
        Optional<Stall> stall,
        Optional<ErrorReply> error,
        Optional<String> malformedBody) {

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

    public Scenario {
        Objects.requireNonNull(content, "content");
        requireAtLeast("chunks", chunks, 1);
        requireNotNegative("interval", interval);
        requireNotNegative("delayBeforeHeaders", delayBeforeHeaders);
        dropAfterChunks.ifPresent(k -> requireAtLeast("dropAfterChunks", k, 0));
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(malformedBody, "malformedBody");
    }

    /** The default: a normal answer saying {@link #DEFAULT_CONTENT}, streamed in 4 events. */
    public static Scenario ok() {
        return new Scenario(DEFAULT_CONTENT, DEFAULT_CHUNKS, Duration.ZERO, Duration.ZERO,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
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

    public static Scenario delayBeforeHeaders(Duration delay) {
        return ok().withDelayBeforeHeaders(delay);
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
        return new Scenario(text, chunks, interval, delayBeforeHeaders, dropAfterChunks, stall, error, malformedBody);
    }

    public Scenario withStream(int chunks, Duration interval) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, dropAfterChunks, stall, error,
                malformedBody);
    }

    public Scenario withDelayBeforeHeaders(Duration delay) {
        return new Scenario(content, chunks, interval, delay, dropAfterChunks, stall, error, malformedBody);
    }

    public Scenario withDropAfterChunks(int k) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, OptionalInt.of(k), stall, error,
                malformedBody);
    }

    public Scenario withStallAfterChunks(int k, Duration pause) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, dropAfterChunks,
                Optional.of(new Stall(k, pause)), error, malformedBody);
    }

    public Scenario withError(ErrorReply reply) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, dropAfterChunks, stall,
                Optional.of(reply), malformedBody);
    }

    public Scenario withMalformedBody(String rawBody) {
        return new Scenario(content, chunks, interval, delayBeforeHeaders, dropAfterChunks, stall, error,
                Optional.of(rawBody));
    }

    /**
     * The content cut into {@code chunks} pieces of near-equal length, or one piece per
     * character when the text is shorter; none when it is empty.
     */
    List<String> pieces() {
        int count = Math.min(chunks, content.length());
        List<String> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // long arithmetic: chunks x length overflows an int for multi-megabyte streams
            pieces.add(content.substring((int) ((long) i * content.length() / count),
                    (int) ((long) (i + 1) * content.length() / count)));
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
