package io.llmgate.core.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.util.function.Consumer;

/**
 * Azure's stream is OpenAI's plus chunks that report the content filter's verdict on the prompt
 * ({@code prompt_filter_results}) with no choices, no usage, and an empty {@code object} and {@code model}. They
 * are dropped: they carry nothing a client renders, and clients that check each chunk's {@code object}
 * (OpenAI's SDK validation, strict parsers) reject them. Every other event passes through byte for byte,
 * including the usage chunk ({@code choices: []} with {@code usage}). Stateless, shared.
 */
final class AzureStreamTranslator implements StreamTranslator {
    static final AzureStreamTranslator INSTANCE = new AzureStreamTranslator();

    private AzureStreamTranslator() {
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        if (event.isDone()) {
            return false;
        }
        JsonNode chunk = ProviderErrors.parse(event.data());
        boolean noChoices = chunk.path("choices").isArray() && chunk.path("choices").isEmpty();
        boolean noUsage = chunk.path("usage").isMissingNode() || chunk.path("usage").isNull();
        if (!(noChoices && noUsage)) {
            emit.accept(event.data());
        }
        return true;
    }
}
