package io.llmgate.core.messages;

import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A native provider's Messages stream, passed through: every event is re-framed with its own name and its
 * data bytes unchanged. The stream ends at {@code message_stop}, or at an {@code error} event, which the
 * caller receives as the provider sent it. An event without a name (a provider that omits {@code event:})
 * is named by its JSON {@code type}, as Anthropic names every event.
 */
final class NativeMessagesStream implements StreamTranslator {
    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        String name = event.event() != null ? event.event() : typeOf(event);
        emit.accept(AnthropicEvents.frame(name, event.data()));
        return !"message_stop".equals(name) && !"error".equals(name);
    }

    private static String typeOf(SseEvent event) {
        try {
            String type = Json.mapper().readTree(event.data()).path("type").asText("");
            return type.isEmpty() ? null : type;
        } catch (IOException e) {
            return null;
        }
    }
}
