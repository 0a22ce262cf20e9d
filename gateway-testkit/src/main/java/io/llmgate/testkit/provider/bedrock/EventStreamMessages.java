package io.llmgate.testkit.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.testkit.provider.Replies;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS event-stream messages as Bedrock's ConverseStream sends them, encoded with AWS's own codec
 * ({@code software.amazon.eventstream}) so the gateway's decoder is checked against AWS's encoding.
 */
public final class EventStreamMessages {
    private EventStreamMessages() {
    }

    /** An {@code event} message: {@code :event-type}, {@code :content-type} JSON, and the payload. */
    public static byte[] event(String eventType, JsonNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return encode(headers, Replies.toBytes(payload));
    }

    /** An {@code exception} message, e.g. {@code throttlingException} with {@code {"message": "..."}}. */
    public static byte[] exception(String exceptionType, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return encode(headers, Replies.toBytes(Replies.JSON.createObjectNode().put("message", message)));
    }

    /** A generic event-stream {@code error} message: code and text in headers, no payload. */
    public static byte[] error(String errorCode, String errorMessage) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("error"));
        headers.put(":error-code", HeaderValue.fromString(errorCode));
        headers.put(":error-message", HeaderValue.fromString(errorMessage));
        return encode(headers, "".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] encode(Map<String, HeaderValue> headers, byte[] payload) {
        ByteBuffer encoded = new Message(headers, payload).toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
