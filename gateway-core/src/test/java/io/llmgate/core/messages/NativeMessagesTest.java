package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.SseEvent;
import io.llmgate.core.upstream.SseParser;
import io.llmgate.core.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NativeMessagesTest {
    private static final Deployment NATIVE = MinimalNativeAdapter.deployment("http://127.0.0.1:9/v1", "claude-sonnet-4-5-20250929");
    private static final String BODY = """
            {"model": "claude", "max_tokens": 1024, "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
             "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}, {"type": "image", "source": {"type": "file", "file_id": "file_1"}}]}],
             "tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 5}], "top_k": 5, "stream": true,
             "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}}""";

    @Test
    void should_take_the_native_strategy_for_an_adapter_that_speaks_messages_and_translate_for_others() {
        // given
        InferenceRequest request = MessagesFixtures.messages(BODY.replace("\"tools\": [{\"type\": \"web_search_20250305\", \"name\": \"web_search\", \"max_uses\": 5}], ", "")
                .replace(", {\"type\": \"image\", \"source\": {\"type\": \"file\", \"file_id\": \"file_1\"}}", ""));
        Deployment openAi = ConfigFiles.deployment("""
                model_list:
                  - model_name: claude
                    litellm_params: { model: openai/gpt-4o, api_base: "http://127.0.0.1:9/v1" }
                """);

        // when / then
        assertThat(MessagesAdapters.forTarget(request, NATIVE)).isInstanceOf(NativeMessagesAdapter.class);
        assertThat(MessagesAdapters.forTarget(request, openAi)).isInstanceOf(TranslatedMessagesAdapter.class);
    }

    @Test
    void should_send_the_callers_body_as_it_is_with_only_the_model_replaced() {
        // given Anthropic-only features a translation could not carry
        InferenceRequest request = decode(BODY, Map.of("anthropic-version", "2023-06-01",
                "anthropic-beta", "context-management-2025-06-27,interleaved-thinking-2025-05-14"));
        JsonNode before = request.body().deepCopy();

        // when
        UpstreamRequest upstream = MessagesAdapters.forTarget(request, NATIVE).toUpstream(request, NATIVE);

        // then
        JsonNode sent = MessagesFixtures.parse(upstream.body());
        JsonNode expected = before.deepCopy();
        ((ObjectNode) expected).put("model", "claude-sonnet-4-5-20250929");
        assertThat(sent).isEqualTo(expected);
        assertThat(request.body()).isEqualTo(before);
        assertThat(upstream.uri()).hasToString("http://127.0.0.1:9/v1/messages");
        assertThat(upstream.headers()).contains(Map.entry("anthropic-beta",
                "context-management-2025-06-27,interleaved-thinking-2025-05-14"), Map.entry("anthropic-version", "2023-06-01"));
    }

    @Test
    void should_pass_the_answer_through_byte_for_byte() {
        // given
        InferenceRequest request = decode(BODY, Map.of());
        byte[] answer = MessagesFixtures.bytes("response/native.anthropic.json");

        // when
        byte[] passed = MessagesAdapters.forTarget(request, NATIVE).fromUpstream(request, answer);

        // then
        assertThat(passed).isEqualTo(answer);
    }

    @Test
    void should_pass_every_stream_event_through_with_its_name_and_bytes_ending_at_message_stop() {
        // given
        byte[] capture = MessagesFixtures.bytes("stream/native.anthropic.sse");
        StreamTranslator translator = MessagesAdapters.forTarget(decode(BODY, Map.of()), NATIVE).streamTranslator(null);

        // when
        Relay relay = new Relay(translator);
        for (byte b : capture) {
            relay.parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }

        // then
        assertThat(relay.ended).isTrue();
        assertThat(relay.out.toByteArray()).isEqualTo(capture);
    }

    @Test
    void should_end_at_an_error_event_and_pass_it_on_as_the_provider_sent_it() {
        // given
        String error = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        Relay relay = new Relay(new NativeMessagesStream());

        // when
        relay.parser.feed(ByteBuffer.wrap(("event: ping\ndata: {\"type\":\"ping\"}\n\n" + error).getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(relay.ended).isTrue();
        assertThat(relay.out.toString(StandardCharsets.UTF_8)).endsWith(error);
    }

    @Test
    void should_name_an_unnamed_event_by_its_type() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        boolean more = new NativeMessagesStream().onEvent(new SseEvent(null, "{\"type\":\"message_stop\"}".getBytes(StandardCharsets.UTF_8)),
                out::writeBytes);

        // then
        assertThat(more).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void should_report_a_providers_error_answer_through_its_adapter() {
        // given
        ProviderAdapter adapter = MessagesAdapters.forTarget(decode(BODY, Map.of()), NATIVE);

        // when
        GatewayException error = adapter.toError(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                .getBytes(StandardCharsets.UTF_8), NATIVE);

        // then
        assertThat(error.status()).isEqualTo(529);
        assertThat(error.provider()).isEqualTo("anthropic");
        assertThat(error.getMessage()).isEqualTo("anthropic returned 529: Overloaded");
    }

    private static InferenceRequest decode(String body, Map<String, String> headers) {
        return MessagesRequestDecoder.decode(body.getBytes(StandardCharsets.UTF_8),
                name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null));
    }

    /** Feeds a translator from a parser, as the streaming consumer does, and keeps what it emits. */
    private static final class Relay {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ended;
        final SseParser parser;

        Relay(StreamTranslator translator) {
            parser = new SseParser(event -> {
                if (!ended) {
                    ended = !translator.onEvent(event, out::writeBytes);
                }
            });
        }
    }
}
