package io.llmgate.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Wire fixtures under {@code src/test/resources}, e.g. {@code provider/gemini/chat.openai.json}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String path) {
        try {
            return (ObjectNode) Json.mapper().readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
