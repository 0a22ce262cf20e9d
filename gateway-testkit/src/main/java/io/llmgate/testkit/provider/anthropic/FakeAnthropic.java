package io.llmgate.testkit.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.ScriptedFake;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anthropic's Messages API on loopback: {@code POST /v1/messages} authenticated by {@code x-api-key} (401
 * {@code authentication_error} otherwise) with an {@code anthropic-version} header (400 without, as the real API
 * answers), the request checked as the real API checks it ({@link MessagesRequestRules}), and replies written as
 * Anthropic writes them, streams flushed event by event. While streaming, {@link FailureKind#OVERLOADED} starts the
 * stream and then fails it with an {@code error} event, the way Anthropic reports overload mid-stream.
 */
public final class FakeAnthropic extends ScriptedFake {
    /** The key the fake accepts unless started with another. */
    public static final String API_KEY = "sk-ant-it-1";

    private final String apiKey;
    private final AtomicLong ids = new AtomicLong();

    private FakeAnthropic(String apiKey) {
        super("fake-anthropic");
        this.apiKey = apiKey;
    }

    public static FakeAnthropic start() {
        return start(API_KEY);
    }

    public static FakeAnthropic start(String apiKey) {
        return new FakeAnthropic(apiKey);
    }

    /** The origin; the gateway appends {@code /v1/messages} as it does for {@code https://api.anthropic.com}. */
    @Override
    public String apiBase() {
        return origin();
    }

    @Override
    protected void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        String requestId = "req_fake_" + ids.incrementAndGet();
        if (!"POST".equals(request.method()) || !"/v1/messages".equals(request.path())) {
            ErrorWire.write(exchange, new ErrorWire.Answer(404, "not_found_error", "Not Found"), requestId);
            return;
        }
        if (!request.header("x-api-key").equals(Optional.of(apiKey))) {
            ErrorWire.write(exchange, ErrorWire.of(FailureKind.AUTHENTICATION), requestId);
            return;
        }
        if (request.header("anthropic-version").isEmpty()) {
            ErrorWire.write(exchange, invalid("anthropic-version: header is required"), requestId);
            return;
        }
        JsonNode body;
        try {
            body = Replies.JSON.readTree(request.body());
        } catch (IOException e) {
            ErrorWire.write(exchange, invalid("The request body is not valid JSON"), requestId);
            return;
        }
        Optional<String> violation = MessagesRequestRules.violation(body);
        if (violation.isPresent()) {
            ErrorWire.write(exchange, invalid(violation.get()), requestId);
            return;
        }
        answer(exchange, body, requestId);
    }

    private void answer(HttpExchange exchange, JsonNode body, String requestId) throws IOException {
        String model = body.path("model").asText();
        Reply reply = replyFor(model);
        String messageId = "msg_fake_" + ids.incrementAndGet();
        boolean stream = body.path("stream").asBoolean(false);
        if (reply instanceof Reply.Failure failure) {
            ErrorWire.Answer answer = ErrorWire.of(failure.kind());
            if (stream && failure.kind() == FailureKind.OVERLOADED) {
                MessagesWire.failingStream(exchange, messageId, model, answer.body(requestId));
            } else {
                ErrorWire.write(exchange, answer, requestId);
            }
        } else if (reply instanceof Reply.Embedding) {
            ErrorWire.write(exchange, new ErrorWire.Answer(404, "not_found_error", "Anthropic has no embeddings"),
                    requestId);
        } else if (stream) {
            MessagesWire.stream(exchange, messageId, model, reply);
        } else {
            MessagesWire.message(exchange, messageId, model, reply);
        }
    }

    private static ErrorWire.Answer invalid(String message) {
        return new ErrorWire.Answer(400, "invalid_request_error", message);
    }
}
