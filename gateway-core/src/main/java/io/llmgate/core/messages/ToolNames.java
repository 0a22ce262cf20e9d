package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * Tool names as an OpenAI-format provider sees them. OpenAI allows at most 64 characters, Anthropic more
 * (MCP tools in Claude Code are often longer), so a longer name is sent as its first 55 characters, an
 * underscore and 8 hex digits of its SHA-256, and mapped back in the answer. One instance per call.
 */
final class ToolNames {
    static final int MAX_LENGTH = 64;
    private static final int HASH_LENGTH = 8;

    private final Map<String, String> originals = new HashMap<>();

    /** The names of an Anthropic {@code tools} array (missing or not an array: none). */
    static ToolNames of(JsonNode tools) {
        ToolNames names = new ToolNames();
        for (JsonNode tool : tools) {
            names.toOpenAi(tool.path("name").asText(""));
        }
        return names;
    }

    /** The name to send; remembers a shortened name so that {@link #fromOpenAi} can restore it. */
    String toOpenAi(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String shortened = name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "_" + sha256(name).substring(0, HASH_LENGTH);
        originals.put(shortened, name);
        return shortened;
    }

    /** The caller's name for a tool the provider called. */
    String fromOpenAi(String name) {
        return originals.getOrDefault(name, name);
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
