package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The wire samples under {@code provider/anthropic/}, written from Anthropic's API documentation. */
final class Fixtures {
    /** 2026-01-01T00:00:00Z, the {@code created} every fixture expects. */
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/provider/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        return parse(bytes(name));
    }

    static ObjectNode object(String name) {
        return (ObjectNode) json(name);
    }

    static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
