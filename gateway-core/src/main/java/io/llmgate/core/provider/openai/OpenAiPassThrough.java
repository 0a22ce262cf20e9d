package io.llmgate.core.provider.openai;

import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.util.function.Consumer;

/** An OpenAI stream forwarded event by event, byte for byte, up to OpenAI's {@code [DONE]}. Stateless, shared. */
final class OpenAiPassThrough implements StreamTranslator {
    static final OpenAiPassThrough INSTANCE = new OpenAiPassThrough();

    private OpenAiPassThrough() {
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        if (event.isDone()) {
            return false;
        }
        emit.accept(event.data());
        return true;
    }
}
