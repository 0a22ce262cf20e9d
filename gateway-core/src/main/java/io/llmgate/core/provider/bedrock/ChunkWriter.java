package io.llmgate.core.provider.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.util.UUID;

/**
 * Writes one stream's OpenAI {@code chat.completion.chunk} payloads, all with the same id, creation time and
 * model, the first delta carrying {@code role: "assistant"}.
 */
final class ChunkWriter {
    private final String id = "chatcmpl-" + UUID.randomUUID();
    private final long created = System.currentTimeMillis() / 1000;
    private final String model;
    private boolean roleSent;

    ChunkWriter(String model) {
        this.model = model;
    }

    /** A chunk whose choice carries {@code delta} (completed with the role if none was sent yet). */
    byte[] delta(ObjectNode delta) {
        return choice(delta, null);
    }

    /** The chunk that ends the choice. */
    byte[] finish(String finishReason) {
        return choice(Json.mapper().createObjectNode(), finishReason);
    }

    /** The usage chunk OpenAI sends last when {@code stream_options.include_usage} is set: no choices. */
    byte[] usage(ObjectNode usage) {
        ObjectNode chunk = head();
        chunk.putArray("choices");
        chunk.set("usage", usage);
        return Json.bytes(chunk);
    }

    private byte[] choice(ObjectNode delta, String finishReason) {
        if (!roleSent) {
            roleSent = true;
            ObjectNode withRole = Json.mapper().createObjectNode().put("role", "assistant");
            withRole.setAll(delta);
            delta = withRole;
        }
        ObjectNode chunk = head();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return Json.bytes(chunk);
    }

    private ObjectNode head() {
        return Json.mapper().createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
    }
}
