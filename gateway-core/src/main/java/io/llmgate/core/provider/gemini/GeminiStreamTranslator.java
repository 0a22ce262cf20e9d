package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.upstream.SseEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gemini's {@code streamGenerateContent?alt=sse} events (each a partial {@code GenerateContentResponse}) as
 * OpenAI chunks: the role with a candidate's first delta, text and thought deltas as they come, each
 * function call as a complete tool call (name, then its whole arguments), a finish chunk per candidate.
 * Gemini ends a stream by closing it, so {@link #onClose} adds what a client still expects: finish chunks
 * not yet sent and, when asked for, the usage of the last {@code usageMetadata}. One instance per stream.
 */
public final class GeminiStreamTranslator implements StreamTranslator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String provider;
    private final String requestedModel;
    private final boolean includeUsage;
    private final long created = Instant.now().getEpochSecond();
    private final Map<Integer, CandidateState> candidates = new HashMap<>();
    private String id;
    private String model;
    private JsonNode usage;

    /** What has been sent for one candidate. */
    private static final class CandidateState {
        boolean roleSent;
        int toolCalls;
        boolean finished;
    }

    public GeminiStreamTranslator(String provider, String requestedModel, boolean includeUsage) {
        this.provider = provider;
        this.requestedModel = requestedModel;
        this.includeUsage = includeUsage;
    }

    @Override
    public boolean onEvent(SseEvent event, Consumer<byte[]> emit) {
        JsonNode response = parse(event);
        if (id == null) {
            id = FromGemini.completionId(response);
            model = response.path("modelVersion").asText(requestedModel);
        }
        if (response.has("error")) {
            throw GeminiErrors.inStream(response.get("error"), provider, model);
        }
        if (candidates.isEmpty()) {
            // before anything was sent a refusal is still an error answer; later it can only be a finish reason
            FromGemini.failIfBlocked(response, provider, model);
        }
        if (response.has("usageMetadata")) {
            usage = response.get("usageMetadata");
        }
        int position = 0;
        for (JsonNode candidate : response.path("candidates")) {
            candidate(candidate.path("index").asInt(position++), candidate, emit);
        }
        return true;
    }

    @Override
    public boolean onClose(Consumer<byte[]> emit) {
        if (id == null) {
            // not a single event: the stream broke before it began
            return false;
        }
        candidates.computeIfAbsent(0, index -> new CandidateState());
        candidates.forEach((index, state) -> {
            if (!state.finished) {
                finish(index, state, "STOP", emit);
            }
        });
        if (includeUsage) {
            ObjectNode chunk = chunk();
            chunk.set("usage", GeminiUsage.toOpenAi(usage == null ? NODES.objectNode() : usage));
            emit.accept(Json.bytes(chunk));
        }
        return true;
    }

    private void candidate(int index, JsonNode candidate, Consumer<byte[]> emit) {
        CandidateState state = candidates.computeIfAbsent(index, i -> new CandidateState());
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                toolCall(index, state, part, emit);
            } else if (part.path("text").asText("").isEmpty()) {
                continue;
            } else if (part.path("thought").asBoolean(false)) {
                emit.accept(delta(index, state, NODES.objectNode().put("reasoning_content", part.get("text").asText())));
            } else {
                emit.accept(delta(index, state, NODES.objectNode().put("content", part.get("text").asText())));
            }
        }
        String finishReason = candidate.path("finishReason").asText("");
        if (!finishReason.isEmpty() && !state.finished) {
            finish(index, state, finishReason, emit);
        }
    }

    /** Gemini sends a call whole; OpenAI clients expect its header first, then argument deltas. */
    private void toolCall(int index, CandidateState state, JsonNode part, Consumer<byte[]> emit) {
        ObjectNode call = FromGemini.toolCall(part);
        int callIndex = state.toolCalls++;
        String arguments = call.path("function").path("arguments").asText();
        ObjectNode header = NODES.objectNode().put("index", callIndex).put("id", call.get("id").asText())
                .put("type", "function");
        header.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
        emit.accept(delta(index, state, toolCallsDelta(header)));
        ObjectNode fragment = NODES.objectNode().put("index", callIndex);
        fragment.putObject("function").put("arguments", arguments);
        emit.accept(delta(index, state, toolCallsDelta(fragment)));
    }

    private static ObjectNode toolCallsDelta(ObjectNode call) {
        ObjectNode delta = NODES.objectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private void finish(int index, CandidateState state, String geminiReason, Consumer<byte[]> emit) {
        state.finished = true;
        ObjectNode chunk = chunk();
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject().put("index", index);
        choice.set("delta", state.roleSent ? NODES.objectNode() : NODES.objectNode().put("role", "assistant"));
        state.roleSent = true;
        choice.put("finish_reason", GeminiFinishReason.toOpenAi(geminiReason, state.toolCalls > 0));
        emit.accept(Json.bytes(chunk));
    }

    private byte[] delta(int index, CandidateState state, ObjectNode delta) {
        if (!state.roleSent) {
            state.roleSent = true;
            ObjectNode withRole = NODES.objectNode().put("role", "assistant");
            withRole.setAll(delta);
            delta = withRole;
        }
        ObjectNode chunk = chunk();
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject().put("index", index);
        choice.set("delta", delta);
        choice.putNull("finish_reason");
        return Json.bytes(chunk);
    }

    private ObjectNode chunk() {
        ObjectNode chunk = NODES.objectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", created).put("model", model);
        chunk.putArray("choices");
        return chunk;
    }

    private JsonNode parse(SseEvent event) {
        try {
            JsonNode response = Json.mapper().readTree(event.data());
            if (response != null && response.isObject()) {
                return response;
            }
        } catch (IOException e) {
            // reported below
        }
        throw GatewayException.upstream(ErrorType.UPSTREAM, 502, provider + " sent a stream event that is not a "
                + "GenerateContentResponse", true, provider, model == null ? requestedModel : model, null);
    }
}
