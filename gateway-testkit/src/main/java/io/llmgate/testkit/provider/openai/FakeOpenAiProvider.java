package io.llmgate.testkit.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.provider.ScriptedFake;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's API on loopback ({@code /v1/chat/completions}, {@code /v1/embeddings}), or Azure OpenAI's
 * ({@link #azure()}: {@code /openai/deployments/{deployment}/...?api-version=}, an {@code api-key} or bearer header
 * required, Azure's error bodies and stream extras, and a Microsoft Entra ID token endpoint at
 * {@code /{tenant}/oauth2/v2.0/token}). Replies are scripted per model: the body's {@code model} for OpenAI, the
 * deployment in the path for Azure. Tool calls stream as OpenAI streams them.
 */
public final class FakeOpenAiProvider extends ScriptedFake {
    private static final Pattern AZURE_PATH = Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|embeddings)");
    private static final Pattern TOKEN_PATH = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    /** A client secret the fake's token endpoint rejects as Entra ID does (AADSTS7000215). */
    public static final String REJECTED_CLIENT_SECRET = "rejected-secret";

    private final boolean azure;
    private final AtomicInteger tokensIssued = new AtomicInteger();

    private FakeOpenAiProvider(boolean azure) {
        super(azure ? "fake-azure-openai" : "fake-openai");
        this.azure = azure;
    }

    /** OpenAI: deployments use {@link #apiBase()} ({@code http://127.0.0.1:<port>/v1}). */
    public static FakeOpenAiProvider openAi() {
        return new FakeOpenAiProvider(false);
    }

    /** Azure OpenAI: {@link #apiBase()} is the resource endpoint; it is also the Entra ID authority host. */
    public static FakeOpenAiProvider azure() {
        return new FakeOpenAiProvider(true);
    }

    @Override
    public String apiBase() {
        return azure ? origin() : origin() + "/v1";
    }

    /** The Entra ID access token the fake issued as number {@code n} (from 1). */
    public static String issuedToken(int n) {
        return "fake-entra-token-" + n;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (TOKEN_PATH.matcher(request.path()).matches()) {
            issueToken(request, exchange);
            return;
        }
        String model;
        String operation;
        if (azure) {
            Matcher path = AZURE_PATH.matcher(request.path());
            if (!path.matches() || !request.query().contains("api-version=")) {
                Replies.json(exchange, 404, OpenAiFailures.error("Resource not found", null, null, "404"));
                return;
            }
            if (request.header("api-key").isEmpty() && request.header("Authorization").isEmpty()) {
                Replies.json(exchange, 401, OpenAiFailures.body(FailureKind.AUTHENTICATION, true));
                return;
            }
            model = path.group(1);
            operation = path.group(2);
        } else {
            model = request.bodyJson().path("model").asText();
            operation = request.path().replaceFirst("^/v1/", "");
        }
        Reply reply = replyFor(model);
        if (reply instanceof Reply.Failure failure) {
            fail(exchange, failure.kind());
        } else if ("embeddings".equals(operation)) {
            embed(exchange, request.bodyJson(), model, reply);
        } else if ("chat/completions".equals(operation)) {
            chat(exchange, request.bodyJson(), model, reply);
        } else {
            Replies.json(exchange, 404, OpenAiFailures.error("Invalid URL (POST " + request.path() + ")",
                    "invalid_request_error", null, null));
        }
    }

    private void chat(HttpExchange exchange, JsonNode body, String model, Reply reply) throws IOException {
        OpenAiWire wire = new OpenAiWire(model, azure);
        boolean stream = body.path("stream").asBoolean(false);
        if (reply instanceof Reply.Text text) {
            if (stream) {
                streamText(exchange, wire, text, body.path("stream_options").path("include_usage").asBoolean(false));
            } else {
                Replies.json(exchange, 200, wire.textCompletion(text));
            }
        } else if (reply instanceof Reply.ToolCall call) {
            if (stream) {
                streamToolCall(exchange, wire, call, body.path("stream_options").path("include_usage").asBoolean(false));
            } else {
                Replies.json(exchange, 200, wire.toolCompletion(call));
            }
        } else {
            Replies.json(exchange, 400, OpenAiFailures.error("This model does not support chat completions.",
                    "invalid_request_error", "model", "model_not_supported"));
        }
    }

    private void streamText(HttpExchange exchange, OpenAiWire wire, Reply.Text text, boolean includeUsage) throws IOException {
        OutputStream out = Replies.openEventStream(exchange);
        if (azure) {
            Replies.event(out, null, wire.promptFilterChunk());
        }
        Replies.event(out, null, wire.roleChunk());
        for (String piece : Replies.split(text.text(), text.chunks())) {
            Replies.event(out, null, wire.contentChunk(piece));
        }
        Replies.event(out, null, wire.finishChunk("stop"));
        finish(out, wire, includeUsage, text.promptTokens(), text.completionTokens());
    }

    private void streamToolCall(HttpExchange exchange, OpenAiWire wire, Reply.ToolCall call, boolean includeUsage)
            throws IOException {
        OutputStream out = Replies.openEventStream(exchange);
        if (azure) {
            Replies.event(out, null, wire.promptFilterChunk());
        }
        Replies.event(out, null, wire.roleChunk());
        Replies.event(out, null, wire.toolStartChunk(call));
        for (String fragment : Replies.split(call.argumentsJson(), 2)) {
            Replies.event(out, null, wire.toolArgumentsChunk(fragment));
        }
        Replies.event(out, null, wire.finishChunk("tool_calls"));
        finish(out, wire, includeUsage, call.promptTokens(), call.completionTokens());
    }

    private static void finish(OutputStream out, OpenAiWire wire, boolean includeUsage, int prompt, int completion)
            throws IOException {
        if (includeUsage) {
            Replies.event(out, null, wire.usageChunk(prompt, completion));
        }
        out.write(DONE);
        out.flush();
        out.close();
    }

    private void embed(HttpExchange exchange, JsonNode body, String model, Reply reply) throws IOException {
        Reply.Embedding embedding = reply instanceof Reply.Embedding e ? e : new Reply.Embedding(8, 5);
        JsonNode input = body.path("input");
        int count = input.isArray() && !input.isEmpty() && !input.get(0).isNumber() ? input.size() : 1;
        ObjectNode list = Replies.JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < count; i++) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (int d = 0; d < embedding.dimensions(); d++) {
                vector.add(Reply.embeddingValue(d));
            }
        }
        list.put("model", model);
        list.putObject("usage").put("prompt_tokens", embedding.promptTokens()).put("total_tokens", embedding.promptTokens());
        Replies.json(exchange, 200, list);
    }

    private void fail(HttpExchange exchange, FailureKind kind) throws IOException {
        if (kind == FailureKind.RATE_LIMITED) {
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.getResponseHeaders().set("x-ratelimit-reset-requests", "7s");
        }
        Replies.json(exchange, OpenAiFailures.status(kind), OpenAiFailures.body(kind, azure));
    }

    private void issueToken(RecordedRequest request, HttpExchange exchange) throws IOException {
        if (request.body().contains("client_secret=" + REJECTED_CLIENT_SECRET)) {
            ObjectNode error = Replies.JSON.createObjectNode().put("error", "invalid_client")
                    .put("error_description", "AADSTS7000215: Invalid client secret provided. Ensure the secret being "
                            + "sent in the request is the client secret value, not the client secret ID.");
            error.putArray("error_codes").add(7000215);
            Replies.json(exchange, 401, error);
            return;
        }
        ObjectNode token = Replies.JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599)
                .put("ext_expires_in", 3599).put("access_token", issuedToken(tokensIssued.incrementAndGet()));
        Replies.json(exchange, 200, token);
    }

    /** Requests for the Entra ID token endpoint, for tests that count token fetches. */
    public List<RecordedRequest> tokenRequests() {
        return requests().stream().filter(r -> TOKEN_PATH.matcher(r.path()).matches()).toList();
    }
}
