package io.llmgate.testkit.provider.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.ScriptedFake;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google AI Studio's Gemini API on loopback: {@code POST /v1beta/models/{model}:generateContent},
 * {@code :streamGenerateContent?alt=sse} and {@code :batchEmbedContents}, authenticated by
 * {@code x-goog-api-key: }{@link #API_KEY} (anything else gets AI Studio's {@code API_KEY_INVALID} 400).
 */
public final class FakeGemini extends ScriptedFake {
    public static final String API_KEY = "fake-gemini-key-0123456789";
    private static final Pattern MODEL_METHOD = Pattern.compile("/v1beta/models/([^/:]+):([A-Za-z]+)");


    private FakeGemini() {
        super("fake-gemini");
    }

    public static FakeGemini start() {
        return new FakeGemini();
    }

    @Override
    public String apiBase() {
        return origin();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        Matcher call = MODEL_METHOD.matcher(request.path());
        if (!"POST".equals(request.method()) || !call.matches()) {
            Replies.json(exchange, 404, GenerateContentWire.error(404, "NOT_FOUND",
                    "Requested entity was not found.", null));
            return;
        }
        if (!request.header("x-goog-api-key").filter(API_KEY::equals).isPresent()) {
            Replies.json(exchange, 400, GenerateContentWire.invalidApiKey());
            return;
        }
        String model = call.group(1);
        Reply reply = replyFor(model);
        switch (call.group(2)) {
            case "generateContent" -> GenerateContentWire.answer(exchange, reply, model, false);
            case "streamGenerateContent" -> GenerateContentWire.answer(exchange, reply, model,
                    request.query().contains("alt=sse"));
            case "batchEmbedContents" -> embed(exchange, request, reply);
            default -> Replies.json(exchange, 404, GenerateContentWire.error(404, "NOT_FOUND",
                    "Method not found: " + call.group(2), null));
        }
    }

    /** {@code {"embeddings": [{"values": [...]}, ...]}}: one per request, and no token count. */
    private static void embed(HttpExchange exchange, RecordedRequest request, Reply reply) throws IOException {
        if (reply instanceof Reply.Failure failure) {
            GenerateContentWire.failure(exchange, failure.kind(), "embedding", false);
            return;
        }
        int dimensions = reply instanceof Reply.Embedding embedding ? embedding.dimensions() : 8;
        ObjectNode body = Replies.JSON.createObjectNode();
        ArrayNode embeddings = body.putArray("embeddings");
        for (int i = 0; i < request.bodyJson().path("requests").size(); i++) {
            embeddings.addObject().set("values", GenerateContentWire.embeddingValues(dimensions));
        }
        Replies.json(exchange, 200, body);
    }
}
