package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.testkit.provider.bedrock.EventStreamMessages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON fixtures under {@code provider/bedrock/}, and event lists turned into an event-stream body. */
final class BedrockFixtures {
    private BedrockFixtures() {
    }

    static JsonNode json(String name) {
        try (InputStream in = BedrockFixtures.class.getResourceAsStream("/provider/bedrock/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inline JSON of a test. */
    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return Json.bytes(json(name));
    }

    /** A {@code [{"event": type, "payload": {...}}, ...]} fixture as the binary body Bedrock streams. */
    static byte[] eventStream(String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (JsonNode event : json(name)) {
            body.writeBytes(EventStreamMessages.event(event.path("event").asText(), (ObjectNode) event.path("payload")));
        }
        return body.toByteArray();
    }
}
