package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.testkit.provider.bedrock.EventStreamMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Frames encoded by AWS's own event-stream codec, fed whole, byte by byte and in random splits. */
class EventStreamDecoderTest {
    private static final byte[] STREAM = concat(
            EventStreamMessages.event("messageStart", json("{\"p\":\"abcd\",\"role\":\"assistant\"}")),
            EventStreamMessages.event("contentBlockDelta", json("{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Grüße ✓\"},\"p\":\"ab\"}")),
            EventStreamMessages.event("contentBlockDelta", json("{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + "x".repeat(20_000) + "\"}}")),
            EventStreamMessages.event("messageStop", json("{\"stopReason\":\"end_turn\"}")),
            EventStreamMessages.exception("throttlingException", "Too many requests, please wait before trying again."),
            EventStreamMessages.error("InternalFailure", "An internal error occurred"));

    @Test
    void should_decode_every_message_of_a_stream_fed_whole() {
        // when
        List<SseEvent> events = decode(List.of(STREAM));

        // then
        assertThat(events).extracting(SseEvent::event).containsExactly("messageStart", "contentBlockDelta",
                "contentBlockDelta", "messageStop", "exception:throttlingException", "exception:InternalFailure");
        assertThat(events.get(1).dataAsString()).isEqualTo("{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Grüße ✓\"},\"p\":\"ab\"}");
        assertThat(events.get(2).data()).hasSizeGreaterThan(20_000);
        assertThat(events.get(4).dataAsString()).isEqualTo("{\"message\":\"Too many requests, please wait before trying again.\"}");
        assertThat(events.get(5).dataAsString()).isEqualTo("{\"message\":\"An internal error occurred\"}");
    }

    @Test
    void should_give_the_same_messages_when_fed_byte_by_byte() {
        // given
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : STREAM) {
            pieces.add(new byte[] {b});
        }

        // when
        List<SseEvent> events = decode(pieces);

        // then
        assertThat(render(events)).isEqualTo(render(decode(List.of(STREAM))));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void should_give_the_same_messages_whatever_the_splits(long seed) {
        // given
        Random random = new Random(seed);
        List<byte[]> pieces = new ArrayList<>();
        for (int at = 0; at < STREAM.length; ) {
            int size = Math.min(STREAM.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 4096));
            pieces.add(Arrays.copyOfRange(STREAM, at, at + size));
            at += size;
        }

        // when
        List<SseEvent> events = decode(pieces);

        // then
        assertThat(render(events)).isEqualTo(render(decode(List.of(STREAM))));
    }

    @Test
    void should_know_when_it_holds_part_of_a_message() {
        // given
        List<SseEvent> events = new ArrayList<>();
        EventStreamDecoder decoder = new EventStreamDecoder(events::add);
        byte[] message = EventStreamMessages.event("messageStop", json("{\"stopReason\":\"end_turn\"}"));

        // when
        decoder.feed(ByteBuffer.wrap(message, 0, message.length - 1));
        boolean partialBefore = decoder.hasPartialEvent();
        decoder.feed(ByteBuffer.wrap(message, message.length - 1, 1));

        // then
        assertThat(partialBefore).isTrue();
        assertThat(decoder.hasPartialEvent()).isFalse();
        assertThat(events).hasSize(1);
    }

    @Test
    void should_fail_on_a_corrupted_payload() {
        // given
        byte[] message = EventStreamMessages.event("contentBlockDelta", json("{\"delta\":{\"text\":\"hello\"}}"));
        message[message.length - 8] ^= 0x01;

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> decode(List.of(message)));

        // then
        assertThat(error).hasMessageContaining("message checksum mismatch");
        assertThat(error.provider()).isEqualTo("bedrock");
        assertThat(error.status()).isEqualTo(502);
    }

    @Test
    void should_fail_on_a_corrupted_prelude_before_buffering_the_declared_length() {
        // given
        byte[] message = EventStreamMessages.event("messageStop", json("{}"));
        message[2] = 0x7f; // a 2 GB total length, which the prelude checksum no longer covers

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> decode(List.of(Arrays.copyOf(message, 12))));

        // then
        assertThat(error).hasMessageContaining("prelude checksum mismatch");
    }

    @Test
    void should_skip_headers_of_every_other_value_type() {
        // given: AWS's codec writing one header of each type before the event type (its 1.0.1 writes no value
        // bytes for byte and short headers, so those two are covered by the hand-made message below)
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put("t", HeaderValue.fromBoolean(true));
        headers.put("f", HeaderValue.fromBoolean(false));
        headers.put("i", HeaderValue.fromInteger(7));
        headers.put("l", HeaderValue.fromLong(7L));
        headers.put("bytes", HeaderValue.fromByteArray(new byte[] {1, 2, 3}));
        headers.put(":date", HeaderValue.fromTimestamp(Instant.parse("2025-01-01T00:00:00Z")));
        headers.put("id", HeaderValue.fromUuid(UUID.randomUUID()));
        headers.put(":event-type", HeaderValue.fromString("contentBlockStop"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        ByteBuffer encoded = new Message(headers, "{}".getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] message = new byte[encoded.remaining()];
        encoded.get(message);

        // when
        List<SseEvent> events = decode(List.of(message));

        // then
        assertThat(render(events)).containsExactly("contentBlockStop|{}");
    }

    @Test
    void should_skip_byte_and_short_headers_by_their_size() {
        // given
        ByteBuffer headers = ByteBuffer.allocate(32).put((byte) 1).put((byte) 'b').put((byte) 2).put((byte) 7)
                .put((byte) 1).put((byte) 's').put((byte) 3).putShort((short) 7)
                .put((byte) 11).put(":event-type".getBytes(StandardCharsets.US_ASCII)).put((byte) 7).putShort((short) 8)
                .put("metadata".getBytes(StandardCharsets.US_ASCII));
        byte[] message = frame(Arrays.copyOf(headers.array(), headers.position()), "{}".getBytes(StandardCharsets.UTF_8));

        // when
        List<SseEvent> events = decode(List.of(message));

        // then
        assertThat(render(events)).containsExactly("metadata|{}");
    }

    @Test
    void should_fail_on_headers_that_overrun_the_message() {
        // given: a hand-made message whose only header claims a 200-byte string in 10 bytes of headers
        ByteBuffer headers = ByteBuffer.allocate(10).put((byte) 1).put((byte) 'x').put((byte) 7).putShort((short) 200)
                .put(new byte[5]);
        byte[] message = frame(headers.array(), new byte[0]);

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> decode(List.of(message)));

        // then
        assertThat(error).hasMessageContaining("headers overrun");
    }

    private static byte[] frame(byte[] headers, byte[] payload) {
        int total = 16 + headers.length + payload.length;
        ByteBuffer frame = ByteBuffer.allocate(total).putInt(total).putInt(headers.length);
        CRC32 crc = new CRC32();
        crc.update(frame.array(), 0, 8);
        frame.putInt((int) crc.getValue()).put(headers).put(payload);
        crc.reset();
        crc.update(frame.array(), 0, total - 4);
        return frame.putInt((int) crc.getValue()).array();
    }

    private static List<SseEvent> decode(List<byte[]> pieces) {
        List<SseEvent> events = new ArrayList<>();
        EventStreamDecoder decoder = new EventStreamDecoder(events::add);
        pieces.forEach(piece -> decoder.feed(ByteBuffer.wrap(piece)));
        assertThat(decoder.hasPartialEvent()).isFalse();
        return events;
    }

    private static List<String> render(List<SseEvent> events) {
        return events.stream().map(e -> e.event() + "|" + new String(e.data(), StandardCharsets.UTF_8)).toList();
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) BedrockFixtures.parse(text);
    }

    private static byte[] concat(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            out.writeBytes(message);
        }
        return out.toByteArray();
    }
}
