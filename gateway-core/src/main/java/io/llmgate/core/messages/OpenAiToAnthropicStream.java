package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the OpenAI chunks of one stream into Anthropic's event sequence: {@code message_start}; for each run
 * of text, reasoning or one tool call a content block ({@code content_block_start}, deltas,
 * {@code content_block_stop}); at the end {@code message_delta} with the stop reason and the usage from the
 * usage chunk, then {@code message_stop}. It wraps the target adapter's translator, so any provider's stream
 * arrives here as OpenAI chunks. An error chunk ends the stream with an {@code error} event.
 *
 * <p>Tool calls are expected one after another, as OpenAI streams them; argument fragments of an earlier,
 * already closed call still go to that call's block index. One instance per stream, one thread at a time.
 */
final class OpenAiToAnthropicStream implements StreamTranslator {
    private enum Block { NONE, TEXT, THINKING, TOOL }

    private final StreamTranslator openAi;
    private final String model;
    private final ToolNames names;
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private boolean ended;
    private Block open = Block.NONE;
    private int openIndex = -1;
    private int nextIndex;
    private String finishReason;
    private JsonNode usage = Json.mapper().missingNode();

    /** @param openAi the target adapter's translator, producing OpenAI {@code chat.completion.chunk} payloads */
    OpenAiToAnthropicStream(StreamTranslator openAi, String model, ToolNames names) {
        this.openAi = openAi;
        this.model = model;
        this.names = names;
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        boolean more = openAi.onEvent(event, chunk -> onChunk(chunk, emit));
        return continues(more, emit);
    }

    @Override
    public boolean onClose(Consumer<byte[]> emit) {
        boolean clean = openAi.onClose(chunk -> onChunk(chunk, emit));
        if (clean && !ended) {
            finish(emit);
        }
        return clean;
    }

    private boolean continues(boolean more, Consumer<byte[]> emit) {
        if (ended) {
            return false;
        }
        if (!more) {
            finish(emit);
        }
        return more;
    }

    private void onChunk(byte[] payload, Consumer<byte[]> emit) {
        if (ended) {
            return;
        }
        JsonNode chunk;
        try {
            chunk = Json.mapper().readTree(payload);
        } catch (IOException e) {
            fail("The provider sent a stream event that is not JSON", emit);
            return;
        }
        if (chunk == null || chunk.path("error").isObject()) {
            fail(chunk == null ? "The provider sent an empty stream event"
                    : chunk.path("error").path("message").asText("The provider reported an error in the stream"), emit);
            return;
        }
        start(chunk, emit);
        if (chunk.path("usage").isObject()) {
            usage = chunk.get("usage");
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        append(Block.THINKING, delta.path("reasoning_content").asText(""), emit);
        append(Block.TEXT, delta.path("content").asText(""), emit);
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, emit);
        }
        if (choice.hasNonNull("finish_reason")) {
            finishReason = choice.get("finish_reason").asText();
            close(emit);
        }
    }

    private void start(JsonNode chunk, Consumer<byte[]> emit) {
        if (!started) {
            started = true;
            emit.accept(AnthropicEvents.frame(AnthropicEvents.messageStart(
                    OpenAiToAnthropicResponse.messageId(chunk.path("id").asText("")), model,
                    OpenAiToAnthropicFinish.usage(chunk.path("usage")))));
        }
    }

    /** Text or reasoning: continues the open block of that kind, or closes the open one and starts it. */
    private void append(Block kind, String text, Consumer<byte[]> emit) {
        if (text.isEmpty()) {
            return;
        }
        if (open != kind) {
            ObjectNode block = Json.mapper().createObjectNode();
            if (kind == Block.TEXT) {
                block.put("type", "text").put("text", "");
            } else {
                block.put("type", "thinking").put("thinking", "").put("signature", "");
            }
            openBlock(kind, block, emit);
        }
        emit.accept(AnthropicEvents.frame(kind == Block.TEXT
                ? AnthropicEvents.contentBlockDelta(openIndex, "text_delta", "text", text)
                : AnthropicEvents.contentBlockDelta(openIndex, "thinking_delta", "thinking", text)));
    }

    /** The first delta of a call (it has the id and name) opens a tool_use block; arguments follow as JSON deltas. */
    private void toolCall(JsonNode call, Consumer<byte[]> emit) {
        int callIndex = call.path("index").asInt(0);
        Integer blockIndex = toolBlocks.get(callIndex);
        if (blockIndex == null) {
            ObjectNode block = Json.mapper().createObjectNode().put("type", "tool_use")
                    .put("id", call.path("id").asText(OpenAiToAnthropicResponse.toolUseId()))
                    .put("name", names.fromOpenAi(call.path("function").path("name").asText("")));
            block.putObject("input");
            blockIndex = openBlock(Block.TOOL, block, emit);
            toolBlocks.put(callIndex, blockIndex);
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            emit.accept(AnthropicEvents.frame(AnthropicEvents.contentBlockDelta(blockIndex, "input_json_delta",
                    "partial_json", arguments)));
        }
    }

    private int openBlock(Block kind, ObjectNode block, Consumer<byte[]> emit) {
        close(emit);
        open = kind;
        openIndex = nextIndex++;
        emit.accept(AnthropicEvents.frame(AnthropicEvents.contentBlockStart(openIndex, block)));
        return openIndex;
    }

    private void close(Consumer<byte[]> emit) {
        if (open != Block.NONE) {
            emit.accept(AnthropicEvents.frame(AnthropicEvents.contentBlockStop(openIndex)));
            open = Block.NONE;
        }
    }

    private void finish(Consumer<byte[]> emit) {
        start(Json.mapper().createObjectNode(), emit);
        close(emit);
        emit.accept(AnthropicEvents.frame(AnthropicEvents.messageDelta(OpenAiToAnthropicFinish.stopReason(finishReason),
                OpenAiToAnthropicFinish.usage(usage))));
        emit.accept(AnthropicEvents.frame(AnthropicEvents.messageStop()));
        ended = true;
    }

    private void fail(String message, Consumer<byte[]> emit) {
        emit.accept(AnthropicEvents.frame(AnthropicErrorShape.body("api_error", message)));
        ended = true;
    }
}
