package io.llmgate.testkit.provider.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code chat.completion} objects and {@code chat.completion.chunk} events of one answer as OpenAI writes
 * them, sharing id, creation time and model. With {@code azure} set they carry Azure's extras: content-filter
 * verdicts on every choice and {@code prompt_filter_results}, which Azure streams as a chunk of its own with no
 * choices and empty {@code id}, {@code object} and {@code model}.
 */
final class OpenAiWire {
    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    private final long created = Instant.now().getEpochSecond();
    private final String model;
    private final boolean azure;

    OpenAiWire(String model, boolean azure) {
        this.model = model;
        this.azure = azure;
    }

    ObjectNode textCompletion(Reply.Text text) {
        ObjectNode completion = header("chat.completion");
        ObjectNode choice = choice(completion);
        choice.putObject("message").put("role", "assistant").put("content", text.text()).putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", "stop");
        completion.set("usage", usage(text.promptTokens(), text.completionTokens()));
        promptFilter(completion);
        return completion;
    }

    ObjectNode toolCompletion(Reply.ToolCall call) {
        ObjectNode completion = header("chat.completion");
        ObjectNode choice = choice(completion);
        ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content").putNull("refusal");
        ObjectNode toolCall = message.putArray("tool_calls").addObject().put("id", call.id()).put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        choice.putNull("logprobs").put("finish_reason", "tool_calls");
        completion.set("usage", usage(call.promptTokens(), call.completionTokens()));
        promptFilter(completion);
        return completion;
    }

    /** Azure's first stream event: the prompt's filter verdict, nothing else. */
    ObjectNode promptFilterChunk() {
        ObjectNode chunk = Replies.JSON.createObjectNode().put("id", "").put("object", "").put("created", 0).put("model", "");
        chunk.putArray("choices");
        promptFilter(chunk);
        return chunk;
    }

    ObjectNode roleChunk() {
        ObjectNode chunk = chunk();
        delta(chunk).put("role", "assistant").put("content", "").putNull("refusal");
        return chunk;
    }

    ObjectNode contentChunk(String piece) {
        ObjectNode chunk = chunk();
        delta(chunk).put("content", piece);
        return chunk;
    }

    ObjectNode toolStartChunk(Reply.ToolCall call) {
        ObjectNode chunk = chunk();
        ObjectNode toolCall = delta(chunk).putArray("tool_calls").addObject().put("index", 0).put("id", call.id())
                .put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", "");
        return chunk;
    }

    ObjectNode toolArgumentsChunk(String fragment) {
        ObjectNode chunk = chunk();
        delta(chunk).putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", fragment);
        return chunk;
    }

    ObjectNode finishChunk(String reason) {
        ObjectNode chunk = chunk();
        delta(chunk);
        ((ObjectNode) chunk.get("choices").get(0)).put("finish_reason", reason);
        return chunk;
    }

    ObjectNode usageChunk(int promptTokens, int completionTokens) {
        ObjectNode chunk = header("chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", usage(promptTokens, completionTokens));
        return chunk;
    }

    static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode usage = Replies.JSON.createObjectNode().put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return usage;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = header("chat.completion.chunk");
        ObjectNode choice = choice(chunk);
        choice.putObject("delta");
        choice.putNull("logprobs").putNull("finish_reason");
        return chunk;
    }

    private ObjectNode choice(ObjectNode parent) {
        ObjectNode choice = parent.putArray("choices").addObject().put("index", 0);
        if (azure) {
            filterVerdict(choice.putObject("content_filter_results"));
        }
        return choice;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }

    private void promptFilter(ObjectNode parent) {
        if (azure) {
            ArrayNode results = parent.putArray("prompt_filter_results");
            filterVerdict(results.addObject().put("prompt_index", 0).putObject("content_filter_results"));
        }
    }

    private static void filterVerdict(ObjectNode results) {
        for (String category : new String[] {"hate", "self_harm", "sexual", "violence"}) {
            results.putObject(category).put("filtered", false).put("severity", "safe");
        }
    }

    private ObjectNode header(String object) {
        ObjectNode header = Replies.JSON.createObjectNode().put("id", id).put("object", object).put("created", created)
                .put("model", model);
        header.put("system_fingerprint", "fp_fake0002");
        return header;
    }
}
