package io.llmgate.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Replays a raw stream capture (a test resource) through the real {@link SseParser} into a fresh translator, the
 * bytes cut in two at a chosen offset as the network may cut them, and collects what the translator emits.
 */
public final class StreamReplay {
    /** What one replay produced. */
    public record Result(List<JsonNode> payloads, boolean endedByProvider) {
    }

    private StreamReplay() {
    }

    public static byte[] resource(String path) {
        try (InputStream in = StreamReplay.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds {@code capture} in two pieces split at {@code splitAt}. */
    public static Result replay(byte[] capture, int splitAt, Supplier<StreamTranslator> translators) {
        StreamTranslator translator = translators.get();
        List<JsonNode> payloads = new ArrayList<>();
        boolean[] ended = {false};
        SseParser parser = new SseParser((SseEvent event) -> {
            if (ended[0]) {
                return;
            }
            ended[0] = !translator.onEvent(event, payload -> payloads.add(parse(payload)));
        });
        parser.feed(ByteBuffer.wrap(capture, 0, splitAt));
        parser.feed(ByteBuffer.wrap(capture, splitAt, capture.length - splitAt));
        return new Result(payloads, ended[0]);
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new AssertionError("the translator emitted a payload that is not JSON", e);
        }
    }
}
