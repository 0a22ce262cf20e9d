package io.llmgate.core.provider.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.provider.ChatChunkWriter;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.upstream.SseEvent;

import java.util.function.Consumer;

/**
 * Cohere's v2 chat stream as OpenAI chunks. Events are told apart by their {@code type}: {@code message-start}
 * gives the id and the role chunk; {@code content-delta} and {@code tool-plan-delta} text; thinking deltas
 * reasoning; {@code tool-call-start}/{@code tool-call-delta} a tool call's name and argument fragments, numbered
 * in arrival order; {@code message-end} the finish reason and usage, after which the stream is over. Citations and
 * the start/end markers carry nothing an OpenAI client reads. One instance per stream.
 */
final class CohereStreamTranslator implements StreamTranslator {
    private final InferenceRequest request;
    private ChatChunkWriter chunks;
    private int toolCalls;

    CohereStreamTranslator(InferenceRequest request) {
        this.request = request;
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        JsonNode data = ProviderErrors.parse(event.data());
        String type = data.path("type").asText(event.event() == null ? "" : event.event());
        JsonNode message = data.path("delta").path("message");
        switch (type) {
            case "message-start" -> start(data.path("id").asText("cohere-chat"), emit);
            case "content-delta" -> {
                JsonNode content = message.path("content");
                if (content.has("thinking")) {
                    emit.accept(started(emit).reasoning(content.path("thinking").asText()));
                } else {
                    emit.accept(started(emit).content(content.path("text").asText()));
                }
            }
            case "tool-plan-delta" -> emit.accept(started(emit).content(message.path("tool_plan").asText()));
            case "tool-call-start" -> toolCallStart(message.path("tool_calls"), emit);
            case "tool-call-delta" -> emit.accept(started(emit).toolCallArguments(toolCalls - 1,
                    message.path("tool_calls").path("function").path("arguments").asText()));
            case "message-end" -> {
                return end(data.path("delta"), emit);
            }
            default -> {
                // content-start/-end, tool-call-end, citation-start/-end: nothing for an OpenAI client
            }
        }
        return true;
    }

    private void start(String id, Consumer<byte[]> emit) {
        if (chunks == null) {
            chunks = new ChatChunkWriter(id, request.model());
            emit.accept(chunks.role());
        }
    }

    /** The writer, after emitting the role chunk if message-start was missing. */
    private ChatChunkWriter started(Consumer<byte[]> emit) {
        start("cohere-chat", emit);
        return chunks;
    }

    private void toolCallStart(JsonNode call, Consumer<byte[]> emit) {
        int index = toolCalls++;
        ChatChunkWriter writer = started(emit);
        emit.accept(writer.toolCallStart(index, call.path("id").asText(), call.path("function").path("name").asText()));
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            emit.accept(writer.toolCallArguments(index, arguments));
        }
    }

    private boolean end(JsonNode delta, Consumer<byte[]> emit) {
        ChatChunkWriter writer = started(emit);
        emit.accept(writer.finish(FromCohereChat.finishReason(delta.path("finish_reason").asText())));
        if (request.includeUsage()) {
            emit.accept(writer.usage(FromCohereChat.usage(delta.path("usage"))));
        }
        return false;
    }
}
