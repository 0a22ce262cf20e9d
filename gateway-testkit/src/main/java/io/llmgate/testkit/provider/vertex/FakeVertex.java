package io.llmgate.testkit.provider.vertex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.LoopbackServer;
import io.llmgate.testkit.provider.ProviderFake;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.gemini.GenerateContentWire;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vertex AI on loopback: {@code POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:}
 * {@code generateContent}, {@code streamGenerateContent?alt=sse} and {@code predict} (embeddings), for
 * {@link #PROJECT} in {@link #LOCATION} only, with a bearer token its own {@code POST /token} issued. At start
 * it writes a service-account key file ({@link #credentialsFile}) whose {@code token_uri} is that endpoint.
 * {@link #requests()} leaves token requests out: they are counted by {@link #tokenGrants()}.
 */
public final class FakeVertex implements ProviderFake {
    public static final String PROJECT = "llmgate-fake-project";
    public static final String LOCATION = "us-central1";
    private static final String TOKEN_PATH = "/token";
    private static final Pattern MODEL_METHOD = Pattern.compile(
            "/v1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):([A-Za-z]+)");

    private final Map<String, Reply> scripts = new ConcurrentHashMap<>();
    private final ServiceAccount account = ServiceAccount.generate();
    private final LoopbackServer server;
    private final TokenEndpoint tokens;
    private final String credentialsJson;

    private FakeVertex() {
        server = LoopbackServer.start("fake-vertex", this::handle);
        tokens = new TokenEndpoint(account.publicKey(), server.origin() + TOKEN_PATH);
        credentialsJson = account.json(PROJECT, server.origin() + TOKEN_PATH);
        try {
            Files.writeString(credentialsFile(apiBase()), credentialsJson);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("cannot write the fake service-account key", e);
        }
    }

    public static FakeVertex start() {
        return new FakeVertex();
    }

    /** The key file the fake at {@code apiBase} wrote (in java.io.tmpdir, named after its port). */
    public static Path credentialsFile(String apiBase) {
        return Path.of(System.getProperty("java.io.tmpdir"), "llmgate-fake-vertex-" + URI.create(apiBase).getPort() + ".json");
    }

    /** The service-account key JSON, with {@code token_uri} pointing at this fake. */
    public String credentialsJson() {
        return credentialsJson;
    }

    /** How long the access tokens issued from now on live ({@code expires_in}); an hour by default. */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** Access tokens issued since the start (reset does not forget them, as Google would not). */
    public int tokenGrants() {
        return tokens.grants();
    }

    @Override
    public String apiBase() {
        return server.origin();
    }

    @Override
    public void script(String upstreamModel, Reply reply) {
        scripts.put(upstreamModel, reply);
    }

    @Override
    public void reset() {
        scripts.clear();
        server.clearRequests();
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests().stream().filter(request -> !TOKEN_PATH.equals(request.path())).toList();
    }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(credentialsFile(apiBase()));
        } catch (IOException e) {
            // a leftover key of a dead fake in tmp is harmless
        }
    }

    private void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (TOKEN_PATH.equals(request.path())) {
            tokens.handle(request, exchange);
            return;
        }
        Matcher call = MODEL_METHOD.matcher(request.path());
        if (!"POST".equals(request.method()) || !call.matches() || !PROJECT.equals(call.group(1))
                || !LOCATION.equals(call.group(2))) {
            Replies.json(exchange, 404, GenerateContentWire.error(404, "NOT_FOUND", "Publisher Model `"
                    + request.path() + "` not found.", null));
            return;
        }
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.startsWith("Bearer ") || !tokens.isIssued(authorization.substring("Bearer ".length()))) {
            unauthenticated(exchange);
            return;
        }
        String model = call.group(3);
        Reply reply = scripts.getOrDefault(model, Reply.text(DEFAULT_TEXT));
        if (reply instanceof Reply.Failure failure && failure.kind() == FailureKind.AUTHENTICATION) {
            unauthenticated(exchange);
            return;
        }
        switch (call.group(4)) {
            case "generateContent" -> GenerateContentWire.answer(exchange, reply, model, false);
            case "streamGenerateContent" -> GenerateContentWire.answer(exchange, reply, model,
                    request.query().contains("alt=sse"));
            case "predict" -> predict(exchange, request, reply);
            default -> Replies.json(exchange, 404, GenerateContentWire.error(404, "NOT_FOUND",
                    "Method not found: " + call.group(4), null));
        }
    }

    /** Vertex's answer to a missing, expired or foreign token. */
    private static void unauthenticated(HttpExchange exchange) throws IOException {
        Replies.json(exchange, 401, GenerateContentWire.error(401, "UNAUTHENTICATED", "Request had invalid "
                + "authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
                + "authentication credential.", null));
    }

    /** {@code {"predictions": [{"embeddings": {"values", "statistics": {"token_count"}}}]}}, one per instance. */
    private static void predict(HttpExchange exchange, RecordedRequest request, Reply reply) throws IOException {
        if (reply instanceof Reply.Failure failure) {
            GenerateContentWire.failure(exchange, failure.kind(), "embedding", false);
            return;
        }
        Reply.Embedding embedding = reply instanceof Reply.Embedding e ? e : new Reply.Embedding(8, 4);
        int instances = request.bodyJson().path("instances").size();
        ObjectNode body = Replies.JSON.createObjectNode();
        ArrayNode predictions = body.putArray("predictions");
        for (int i = 0; i < instances; i++) {
            // the first instance takes the remainder so that the counts add up to promptTokens
            int tokens = embedding.promptTokens() / instances + (i == 0 ? embedding.promptTokens() % instances : 0);
            ObjectNode embeddings = predictions.addObject().putObject("embeddings");
            embeddings.putObject("statistics").put("truncated", false).put("token_count", tokens);
            embeddings.set("values", GenerateContentWire.embeddingValues(embedding.dimensions()));
        }
        body.putObject("metadata").put("billableCharacterCount", request.body().length());
        Replies.json(exchange, 200, body);
    }
}
