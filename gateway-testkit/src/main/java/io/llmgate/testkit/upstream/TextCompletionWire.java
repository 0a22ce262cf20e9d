package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Builds the legacy {@code text_completion} object and its stream events for one answer. */
final class TextCompletionWire {
    private final String id = ResponseIds.next("cmpl-");
    private final long created = Instant.now().getEpochSecond();
    private final String model;
    private final boolean usageField;

    /** @param usageField whether every event carries {@code "usage": null} (set with {@code include_usage}) */
    TextCompletionWire(String model, boolean usageField) {
        this.model = model;
        this.usageField = usageField;
    }

    ObjectNode completion(String text, Usage usage) {
        ObjectNode completion = withChoice(text, "stop");
        completion.set("usage", usage.completionJson());
        return completion;
    }

    ObjectNode textChunk(String piece) {
        return chunk(withChoice(piece, null));
    }

    ObjectNode finishChunk() {
        return chunk(withChoice("", "stop"));
    }

    ObjectNode usageChunk(Usage usage) {
        ObjectNode chunk = header();
        chunk.putArray("choices");
        chunk.set("usage", usage.completionJson());
        return chunk;
    }

    private ObjectNode chunk(ObjectNode event) {
        if (usageField) {
            event.putNull("usage");
        }
        return event;
    }

    private ObjectNode withChoice(String text, String finishReason) {
        ObjectNode object = header();
        object.putArray("choices").addObject()
                .put("text", text)
                .put("index", 0)
                .putNull("logprobs")
                .put("finish_reason", finishReason);
        return object;
    }

    private ObjectNode header() {
        return Json.object()
                .put("id", id)
                .put("object", "text_completion")
                .put("created", created)
                .put("model", model)
                .put("system_fingerprint", ChatCompletionWire.SYSTEM_FINGERPRINT);
    }
}
