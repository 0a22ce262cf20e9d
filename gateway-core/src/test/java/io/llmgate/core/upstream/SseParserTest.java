package io.llmgate.core.upstream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {
    /** An OpenAI-like stream with the features a parser must get right; {@code \n} is replaced per line ending. */
    private static final String STREAM = String.join("\n",
            ": keep-alive comment",
            "data: {\"choices\":[{\"delta\":{\"content\":\"Hé\"}}]}",
            "",
            "event: message",
            "data: first line",
            "data:second line without space",
            "data:  two leading spaces",
            "id: 7",
            "retry: 1000",
            "",
            ":only a comment",
            "",
            "event: ping",
            "",
            "data",
            "",
            "data: 中文 ✓",
            "",
            "data: [DONE]",
            "",
            "");

    private static final List<String> EXPECTED = List.of(
            "null|{\"choices\":[{\"delta\":{\"content\":\"Hé\"}}]}",
            "message|first line\nsecond line without space\n two leading spaces",
            "null|",
            "null|中文 ✓",
            "null|[DONE]");

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void should_parse_a_stream_fed_whole(String ending) {
        // when
        List<String> events = parse(List.of(bytes(ending)));

        // then
        assertThat(events).containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void should_give_the_same_events_when_fed_byte_by_byte(String ending) {
        // given
        byte[] all = bytes(ending);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : all) {
            pieces.add(new byte[] {b});
        }

        // when
        List<String> events = parse(pieces);

        // then
        assertThat(events).containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void should_give_the_same_events_whatever_the_split(String ending) {
        // given
        byte[] all = bytes(ending);
        Random random = new Random(ending.hashCode());

        for (int round = 0; round < 500; round++) {
            List<byte[]> pieces = new ArrayList<>();
            int at = 0;
            while (at < all.length) {
                int length = Math.min(all.length - at, random.nextInt(12));
                byte[] piece = new byte[length];
                System.arraycopy(all, at, piece, 0, length);
                pieces.add(piece);
                at += length;
            }

            // when
            List<String> events = parse(pieces);

            // then
            assertThat(events).as("round %d", round).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void should_emit_an_event_as_soon_as_its_blank_line_arrives() {
        // given
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        // when
        parser.feed(ByteBuffer.wrap("data: a\n".getBytes(StandardCharsets.UTF_8)));
        int beforeBlankLine = events.size();
        parser.feed(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(beforeBlankLine).isZero();
        assertThat(events).hasSize(1);
    }

    @Test
    void should_read_a_line_longer_than_its_initial_buffer() {
        // given
        String big = "x".repeat(100_000);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        // when
        parser.feed(ByteBuffer.wrap(("data: " + big + "\ndata: " + big + "\n\n").getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(events).hasSize(1);
        assertThat(events.get(0).dataAsString()).isEqualTo(big + "\n" + big);
    }

    @Test
    void should_detect_done_only_for_the_exact_sentinel() {
        // then
        assertThat(new SseEvent(null, "[DONE]".getBytes(StandardCharsets.US_ASCII)).isDone()).isTrue();
        assertThat(new SseEvent(null, "[DONE] ".getBytes(StandardCharsets.US_ASCII)).isDone()).isFalse();
        assertThat(new SseEvent(null, "{\"text\":\"[DONE]\"}".getBytes(StandardCharsets.US_ASCII)).isDone()).isFalse();
    }

    @Test
    void should_report_a_partial_event_until_its_blank_line() {
        // given
        SseParser parser = new SseParser(event -> { });

        // then
        assertThat(parser.hasPartialEvent()).isFalse();
        parser.feed(ByteBuffer.wrap("data: {\"half\"".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.hasPartialEvent()).as("half a line").isTrue();
        parser.feed(ByteBuffer.wrap(":true}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.hasPartialEvent()).as("a data line without its blank line").isTrue();
        parser.feed(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.hasPartialEvent()).as("complete").isFalse();
    }

    @Test
    void should_not_count_a_finished_comment_as_a_partial_event() {
        // given
        SseParser parser = new SseParser(event -> { });

        // when
        parser.feed(ByteBuffer.wrap(": ping\n".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    private static byte[] bytes(String ending) {
        String eol = switch (ending) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        return STREAM.replace("\n", eol).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> parse(List<byte[]> pieces) {
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser(e -> events.add(e.event() + "|" + e.dataAsString()));
        for (byte[] piece : pieces) {
            parser.feed(ByteBuffer.wrap(piece));
        }
        assertThat(parser.hasPartialEvent()).isFalse();
        return events;
    }
}
