package io.llmgate.testkit.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.ScriptedFake;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bedrock runtime on loopback: {@code POST /model/{modelId}/converse}, {@code /converse-stream} and
 * {@code /invoke}. Every request must carry a valid SigV4 signature for {@link #ACCESS_KEY_ID} /
 * {@link #SECRET_ACCESS_KEY} in {@link #REGION} (recomputed by {@link SigV4Verifier}) or the Bedrock API key
 * {@link #API_KEY} as a bearer token; otherwise it answers 403 as AWS does. Scripts are keyed by the decoded
 * model id.
 */
public final class FakeBedrock extends ScriptedFake {
    public static final String ACCESS_KEY_ID = "AKIDLLMGATEFAKE0001";
    public static final String SECRET_ACCESS_KEY = "fake/Bedrock+Secret/Key0123456789abcdefghij";
    public static final String REGION = "us-east-1";
    public static final String API_KEY = "ABSKbGxtZ2F0ZS1mYWtlLWJlZHJvY2sta2V5";
    private static final Pattern OPERATION = Pattern.compile("/model/([^/]+)/(converse|converse-stream|invoke)");
    private static final String ERROR_TYPE_NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    private final Map<String, StreamException> streamExceptions = new ConcurrentHashMap<>();
    private final SigV4Verifier verifier = new SigV4Verifier(ACCESS_KEY_ID, SECRET_ACCESS_KEY, REGION, "bedrock");

    private FakeBedrock() {
        super("fake-bedrock");
    }

    public static FakeBedrock start() {
        return new FakeBedrock();
    }

    @Override
    public String apiBase() {
        return origin();
    }

    /**
     * Makes the next ConverseStreams of {@code upstreamModel} start normally, send one text delta, then an
     * {@code exception} message ({@code throttlingException}, {@code modelStreamErrorException}, ...), as Bedrock
     * does when a stream fails after its start. Until {@link #reset()}.
     */
    public void failStreamMidway(String upstreamModel, String exceptionType, String message) {
        streamExceptions.put(upstreamModel, new StreamException(exceptionType, message));
    }

    @Override
    public void reset() {
        super.reset();
        streamExceptions.clear();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        Matcher operation = OPERATION.matcher(request.path());
        if (!"POST".equals(request.method()) || !operation.matches()) {
            error(exchange, new BedrockFailure(404, "UnknownOperationException", "Unknown operation"));
            return;
        }
        Optional<SigV4Verifier.Rejection> rejected = authenticate(request);
        if (rejected.isPresent()) {
            error(exchange, new BedrockFailure(403, rejected.get().errorType(), rejected.get().message()));
            return;
        }
        String model = URLDecoder.decode(operation.group(1), StandardCharsets.UTF_8);
        Reply reply = replyFor(model);
        if (reply instanceof Reply.Failure failure) {
            error(exchange, BedrockFailure.of(failure.kind()));
            return;
        }
        switch (operation.group(2)) {
            case "invoke" -> invoke(exchange, request.bodyJson(),
                    reply instanceof Reply.Embedding embedding ? embedding : new Reply.Embedding(8, 5));
            case "converse" -> {
                if (reply instanceof Reply.Embedding) {
                    notChat(exchange);
                } else {
                    Replies.json(withRequestId(exchange), 200, ConverseWire.answer(reply));
                }
            }
            default -> {
                if (reply instanceof Reply.Embedding) {
                    notChat(exchange);
                } else {
                    stream(exchange, reply, Optional.ofNullable(streamExceptions.get(model)));
                }
            }
        }
    }

    private Optional<SigV4Verifier.Rejection> authenticate(RecordedRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length()).equals(API_KEY) ? Optional.empty()
                    : Optional.of(new SigV4Verifier.Rejection("UnrecognizedClientException",
                    "The security token included in the request is invalid."));
        }
        return verifier.check(request);
    }

    private static void invoke(HttpExchange exchange, JsonNode body, Reply.Embedding reply) throws IOException {
        Optional<ObjectNode> answer = InvokeEmbeddingsWire.answer(body, reply);
        if (answer.isEmpty()) {
            error(exchange, new BedrockFailure(400, "ValidationException",
                    "Malformed input request: #: required key [inputText] not found, please reformat your input and"
                            + " try again."));
            return;
        }
        Replies.json(withRequestId(exchange), 200, answer.get());
    }

    /** Writes each event as one event-stream message and flushes it, as Bedrock does. */
    private static void stream(HttpExchange exchange, Reply reply, Optional<StreamException> failure) throws IOException {
        withRequestId(exchange).getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
        exchange.sendResponseHeaders(200, 0);
        List<ConverseWire.Event> events = ConverseWire.stream(reply);
        try (OutputStream out = exchange.getResponseBody()) {
            for (ConverseWire.Event event : failure.isPresent() ? events.subList(0, 2) : events) {
                out.write(EventStreamMessages.event(event.type(), event.payload()));
                out.flush();
            }
            if (failure.isPresent()) {
                out.write(EventStreamMessages.exception(failure.get().type(), failure.get().message()));
                out.flush();
            }
        }
    }

    private static void notChat(HttpExchange exchange) throws IOException {
        error(exchange, new BedrockFailure(400, "ValidationException",
                "The provided model doesn't support the Converse operation."));
    }

    private static void error(HttpExchange exchange, BedrockFailure failure) throws IOException {
        withRequestId(exchange).getResponseHeaders().set("x-amzn-ErrorType", failure.errorType() + ERROR_TYPE_NAMESPACE);
        Replies.json(exchange, failure.status(), Replies.JSON.createObjectNode().put("message", failure.message()));
    }

    private record StreamException(String type, String message) {
    }

    private static HttpExchange withRequestId(HttpExchange exchange) {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        return exchange;
    }
}
