package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.openai.OpenAiCompatibleAdapter;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiToAnthropicStreamTest {
    private static final String REQUEST = """
            {"model": "my-model", "max_tokens": 100, "stream": true, "messages": [{"role": "user", "content": "hi"}]}""";

    /** What one translator produced from a fed stream, and whether it saw the end. */
    private static final class Run {
        final OpenAiToAnthropicStream translator = translator();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ended;
        final SseParser parser = new SseParser(event -> {
            if (!ended) {
                ended = !translator.onEvent(event, out::writeBytes);
            }
        });

        Run feed(byte[] bytes, int pieceSize) {
            for (int at = 0; at < bytes.length; at += pieceSize) {
                parser.feed(ByteBuffer.wrap(bytes, at, Math.min(pieceSize, bytes.length - at)));
            }
            return this;
        }

        Run feed(String sse) {
            return feed(sse.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
        }

        String written() {
            return out.toString(StandardCharsets.UTF_8);
        }

        List<String> eventNames() {
            List<String> names = new ArrayList<>();
            for (String line : written().split("\n")) {
                if (line.startsWith("event: ")) {
                    names.add(line.substring("event: ".length()));
                }
            }
            return names;
        }

        List<JsonNode> data() {
            List<JsonNode> data = new ArrayList<>();
            for (String line : written().split("\n")) {
                if (line.startsWith("data: ")) {
                    data.add(MessagesFixtures.parse(line.substring("data: ".length()).getBytes(StandardCharsets.UTF_8)));
                }
            }
            return data;
        }
    }

    private static OpenAiToAnthropicStream translator() {
        InferenceRequest messages = MessagesFixtures.messages(REQUEST);
        AnthropicToOpenAiRequest.Translation translation = AnthropicToOpenAiRequest.translate(messages);
        StreamTranslator openAi = new OpenAiCompatibleAdapter().streamTranslator(translation.request());
        return new OpenAiToAnthropicStream(openAi, messages.model(), translation.toolNames());
    }

    @Test
    void should_turn_text_tool_call_argument_deltas_and_the_usage_chunk_into_anthropics_exact_event_sequence() {
        // when
        Run run = new Run().feed(MessagesFixtures.bytes("stream/text-and-tool.openai.sse"), Integer.MAX_VALUE);

        // then
        assertThat(run.ended).isTrue();
        assertThat(run.written()).isEqualTo(MessagesFixtures.text("stream/text-and-tool.anthropic.sse"));
    }

    @Test
    void should_produce_the_same_events_whatever_the_network_pieces() {
        // given
        byte[] capture = MessagesFixtures.bytes("stream/text-and-tool.openai.sse");
        String expected = MessagesFixtures.text("stream/text-and-tool.anthropic.sse");

        // when / then
        for (int pieceSize : new int[] {1, 2, 7, 64, 333}) {
            assertThat(new Run().feed(capture, pieceSize).written()).as("pieces of %d bytes", pieceSize).isEqualTo(expected);
        }
    }

    @Test
    void should_put_reasoning_in_a_thinking_block_before_the_text() {
        // when
        Run run = new Run().feed(chunk("{\"reasoning_content\":\"Think\"}", null)
                + chunk("{\"reasoning_content\":\"ing.\"}", null)
                + chunk("{\"content\":\"Answer\"}", "stop") + "data: [DONE]\n\n");

        // then
        assertThat(run.eventNames()).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        List<JsonNode> data = run.data();
        assertThat(data.get(1).path("content_block").path("type").asText()).isEqualTo("thinking");
        assertThat(data.get(2).path("delta").path("type").asText()).isEqualTo("thinking_delta");
        assertThat(data.get(2).path("delta").path("thinking").asText()).isEqualTo("Think");
        assertThat(data.get(5).path("content_block").path("type").asText()).isEqualTo("text");
        assertThat(data.get(5).path("index").asInt()).isEqualTo(1);
        assertThat(data.get(8).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void should_report_zero_usage_and_max_tokens_when_the_provider_sent_no_usage_chunk() {
        // when
        Run run = new Run().feed(chunk("{\"content\":\"Cut\"}", "length") + "data: [DONE]\n\n");

        // then
        JsonNode messageDelta = run.data().get(run.data().size() - 2);
        assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isZero();
        assertThat(messageDelta.at("/usage/input_tokens").asInt()).isZero();
    }

    @Test
    void should_open_one_block_per_parallel_tool_call() {
        // when
        Run run = new Run().feed(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"x\\\":1}\"}}]}", "tool_calls")
                + "data: [DONE]\n\n");

        // then
        List<JsonNode> data = run.data();
        assertThat(data.get(1).at("/content_block/id").asText()).isEqualTo("call_a");
        assertThat(data.get(2).at("/delta/partial_json").asText()).isEqualTo("{}");
        assertThat(data.get(3)).isEqualTo(MessagesFixtures.parse("{\"type\":\"content_block_stop\",\"index\":0}".getBytes()));
        assertThat(data.get(4).at("/content_block/id").asText()).isEqualTo("call_b");
        assertThat(data.get(4).path("index").asInt()).isEqualTo(1);
        assertThat(data.get(5).at("/delta/partial_json").asText()).isEqualTo("{\"x\":1}");
        assertThat(data.get(5).path("index").asInt()).isEqualTo(1);
        assertThat(data.get(7).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void should_answer_an_empty_stream_with_a_complete_empty_message() {
        // when
        Run run = new Run().feed("data: [DONE]\n\n");

        // then
        assertThat(run.ended).isTrue();
        assertThat(run.eventNames()).containsExactly("message_start", "message_delta", "message_stop");
    }

    @Test
    void should_end_with_an_anthropic_error_event_when_the_provider_streams_an_error() {
        // when
        Run run = new Run().feed(chunk("{\"content\":\"Hel\"}", null)
                + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}\n\n"
                + chunk("{\"content\":\"lo\"}", null));

        // then
        assertThat(run.ended).isTrue();
        assertThat(run.eventNames()).containsExactly("message_start", "content_block_start", "content_block_delta", "error");
        JsonNode error = run.data().get(3);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(error.at("/error/message").asText()).isEqualTo("The server had an error while processing your request.");
    }

    @Test
    void should_leave_a_stream_cut_before_done_broken_so_the_caller_gets_an_error() {
        // given
        Run run = new Run().feed(chunk("{\"content\":\"Hel\"}", null));
        ByteArrayOutputStream atClose = new ByteArrayOutputStream();

        // when
        boolean clean = run.translator.onClose(atClose::writeBytes);

        // then
        assertThat(clean).isFalse();
        assertThat(atClose.size()).isZero();
        assertThat(run.eventNames()).doesNotContain("message_stop");
    }

    @Test
    void should_finish_the_message_when_the_providers_stream_ends_cleanly_at_the_close() {
        // given a provider translator whose stream ends at the close (as Gemini's does)
        StreamTranslator endsAtClose = new StreamTranslator() {
            @Override
            public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
                emit.accept(event.data());
                return true;
            }

            @Override
            public boolean onClose(Consumer<byte[]> emit) {
                return true;
            }
        };
        OpenAiToAnthropicStream translator = new OpenAiToAnthropicStream(endsAtClose, "m", new ToolNames());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        translator.onEvent(new SseEvent(null, chunk("{\"content\":\"Hi\"}", "stop")
                .substring("data: ".length()).strip().getBytes(StandardCharsets.UTF_8)), out::writeBytes);

        // when
        boolean clean = translator.onClose(out::writeBytes);

        // then
        assertThat(clean).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }
}
