package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicStreamTranslatorTest {
    private static final ToolNames TOOL_NAMES = ToolNames.of(List.of("foo/bar", "foo_bar", "get_weather"), Set.of());

    @ParameterizedTest(name = "{0}, usage chunk: {1}")
    @CsvSource({"stream-text, true", "stream-tool-use, false", "stream-thinking, false"})
    void should_translate_a_raw_anthropic_stream_however_its_bytes_are_split(String fixture, boolean includeUsage) {
        // given
        byte[] raw = Fixtures.bytes(fixture + ".sse");
        JsonNode expected = Fixtures.json(fixture + ".chunks.json");

        for (int split = 1; split < raw.length; split++) {
            // when
            Played played = play(raw, split, includeUsage);

            // then
            assertThat(played.chunks()).as("split at byte %d", split).containsExactlyElementsOf(expected);
            assertThat(played.ended()).as("message_stop ends the stream").isTrue();
        }
    }

    @Test
    void should_give_streamed_tool_calls_their_callers_name_back() {
        // when
        Played played = play(Fixtures.bytes("stream-tool-use.sse"), Integer.MAX_VALUE, false);

        // then
        List<String> names = new ArrayList<>();
        played.chunks().forEach(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls")
                .forEach(call -> {
                    if (call.path("function").has("name")) {
                        names.add(call.path("function").path("name").asText());
                    }
                }));
        assertThat(names).containsExactly("foo/bar", "get_weather");
    }

    @Test
    void should_fail_the_stream_with_a_classified_error_on_an_error_event() {
        // given
        List<JsonNode> chunks = new ArrayList<>();

        // when
        GatewayException error = catchThrowableOfType(() -> play(Fixtures.bytes("stream-error.sse"), Integer.MAX_VALUE,
                false, chunks), GatewayException.class);

        // then
        assertThat(chunks).as("what came before the error").hasSize(2);
        assertThat(error.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
        assertThat(error.status()).isEqualTo(529);
        assertThat(error.retriable()).isTrue();
        assertThat(error.provider()).isEqualTo("anthropic");
        assertThat(error.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(error).hasMessage("anthropic failed the stream with overloaded_error: Overloaded");
    }

    @Test
    void should_fail_on_an_event_that_is_not_json() {
        // given
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(false, TOOL_NAMES, "anthropic", Fixtures.CLOCK);

        // when
        GatewayException error = catchThrowableOfType(() -> translator.onEvent(new SseEvent("message_start",
                "<html>".getBytes(StandardCharsets.UTF_8)), payload -> { }), GatewayException.class);

        // then
        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM);
    }

    private record Played(List<JsonNode> chunks, boolean ended) {
    }

    private static Played play(byte[] raw, int split, boolean includeUsage) {
        return play(raw, split, includeUsage, new ArrayList<>());
    }

    /** Feeds {@code raw} to a parser in two pieces cut at {@code split}, as the network may deliver it. */
    private static Played play(byte[] raw, int split, boolean includeUsage, List<JsonNode> chunks) {
        AnthropicStreamTranslator translator = new AnthropicStreamTranslator(includeUsage, TOOL_NAMES, "anthropic",
                Fixtures.CLOCK);
        boolean[] ended = {false};
        SseParser parser = new SseParser(event -> {
            assertThat(ended[0]).as("no event after message_stop").isFalse();
            ended[0] = !translator.onEvent(event, payload -> chunks.add(Fixtures.parse(payload)));
        });
        int cut = Math.min(split, raw.length);
        parser.feed(ByteBuffer.wrap(raw, 0, cut));
        parser.feed(ByteBuffer.wrap(raw, cut, raw.length - cut));
        return new Played(chunks, ended[0]);
    }
}
