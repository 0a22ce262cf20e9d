package io.llmgate.core.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.GoogleCredentials;
import io.llmgate.core.config.ProviderSettings;
import io.llmgate.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a deployment's Google credentials come from, as LiteLLM reads them: {@code vertex_credentials} as a
 * path to a service-account JSON file, as that JSON in a string, or as a YAML mapping of it; else the file
 * {@code GOOGLE_APPLICATION_CREDENTIALS} names; else Google's application default credentials. The
 * {@link #key} identifies the credential without holding it, so deployments sharing one share its tokens.
 */
final class VertexCredentialSource {
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final String key;
    private final String description;
    private final Loader loader;

    @FunctionalInterface
    private interface Loader {
        GoogleCredentials load() throws IOException;
    }

    private VertexCredentialSource(String key, String description, Loader loader) {
        this.key = key;
        this.description = description;
        this.loader = loader;
    }

    static VertexCredentialSource of(ProviderSettings settings, Function<String, String> environment) {
        Optional<JsonNode> configured = settings.node("vertex_credentials");
        if (configured.isPresent() && configured.get().isObject()) {
            return json(Json.bytes(configured.get()));
        }
        Optional<String> text = configured.filter(JsonNode::isTextual).map(JsonNode::textValue).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (text.isPresent()) {
            return text.get().startsWith("{") ? json(text.get().getBytes(StandardCharsets.UTF_8)) : file(Path.of(text.get()));
        }
        String adcFile = environment.apply("GOOGLE_APPLICATION_CREDENTIALS");
        if (adcFile != null && !adcFile.isBlank()) {
            return file(Path.of(adcFile.strip()));
        }
        return new VertexCredentialSource("application-default", "the application default credentials",
                () -> GoogleCredentials.getApplicationDefault().createScoped(List.of(SCOPE)));
    }

    /** Identifies the credential (a file path, or a digest of the JSON): safe to keep as a map key. */
    String key() {
        return key;
    }

    /** Where the credential came from, for error messages: never its content. */
    String description() {
        return description;
    }

    GoogleCredentials load() throws IOException {
        return loader.load();
    }

    private static VertexCredentialSource json(byte[] json) {
        return new VertexCredentialSource("json:" + sha256(json), "vertex_credentials (inline JSON)",
                () -> scoped(new ByteArrayInputStream(json)));
    }

    private static VertexCredentialSource file(Path path) {
        return new VertexCredentialSource("file:" + path.toAbsolutePath(), "the credentials file " + path,
                () -> {
                    try (InputStream in = Files.newInputStream(path)) {
                        return scoped(in);
                    }
                });
    }

    /** Parses any credential type Google's library knows (service account first); honours its token_uri. */
    private static GoogleCredentials scoped(InputStream json) throws IOException {
        return GoogleCredentials.fromStream(json).createScoped(List.of(SCOPE));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
