package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON and SSE fixtures under {@code src/test/resources/messages/}, and JSON comparison that ignores number widths. */
public final class MessagesFixtures {
    private MessagesFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = MessagesFixtures.class.getResourceAsStream("/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture messages/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode json(String name) {
        return parse(bytes(name));
    }

    static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Messages request as the front door decodes it. */
    static InferenceRequest messages(String json) {
        return MessagesRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), header -> null);
    }

    /** Equal as JSON text parsed back, so an int and a long of the same value compare equal. */
    static void assertJsonEquals(JsonNode actual, JsonNode expected) {
        assertThat(parse(Json.bytes(actual))).isEqualTo(parse(Json.bytes(expected)));
    }
}
