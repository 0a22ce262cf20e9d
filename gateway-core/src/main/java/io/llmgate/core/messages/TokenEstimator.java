package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * A local estimate of a Messages request's input tokens, as LiteLLM makes for providers that cannot count:
 * the text of the system prompt, messages and tool definitions through the model's tiktoken encoding
 * (cl100k_base for models jtokkit does not know), plus OpenAI's per-message framing. Images and binary
 * documents count {@value #IMAGE_TOKENS} each, about what Anthropic charges for an image at its default
 * size limit, since their size is not known here. An estimate: the provider's own count can differ.
 */
public final class TokenEstimator {
    static final int IMAGE_TOKENS = 1_600;
    /** OpenAI's framing around each message, and the tokens priming the reply. */
    static final int PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;
    private static final EncodingRegistry ENCODINGS = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;

    private TokenEstimator(Encoding encoding) {
        this.encoding = encoding;
    }

    static TokenEstimator forModel(String upstreamModel) {
        return new TokenEstimator(ENCODINGS.getEncodingForModel(upstreamModel)
                .orElseGet(() -> ENCODINGS.getEncoding(EncodingType.CL100K_BASE)));
    }

    /**
     * Input tokens of an OpenAI or Anthropic request body (messages, system, tools, or a completion's
     * {@code prompt} / an embedding's {@code input}), for the router's pre-call checks and usage limits.
     */
    public static long estimate(String model, JsonNode body) {
        TokenEstimator estimator = forModel(model);
        return estimator.count(body) + estimator.content(body.path("prompt")) + estimator.content(body.path("input"));
    }

    /** Input tokens of a Messages body (system, messages, tools). */
    long count(JsonNode body) {
        long tokens = content(body.path("system")) + REPLY_PRIMING;
        for (JsonNode message : body.path("messages")) {
            tokens += PER_MESSAGE + content(message.path("content"));
        }
        for (JsonNode tool : body.path("tools")) {
            tokens += text(tool.path("name").asText("")) + text(tool.path("description").asText(""))
                    + (tool.has("input_schema") ? text(tool.get("input_schema").toString()) : 0);
        }
        return tokens;
    }

    /** A string, or an array of content blocks. */
    private long content(JsonNode content) {
        if (content.isTextual()) {
            return text(content.textValue());
        }
        long tokens = 0;
        for (JsonNode block : content) {
            tokens += block(block);
        }
        return tokens;
    }

    private long block(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "text" -> text(block.path("text").asText(""));
            case "thinking" -> text(block.path("thinking").asText(""));
            case "image" -> IMAGE_TOKENS;
            case "document" -> document(block.path("source"));
            case "tool_use" -> text(block.path("name").asText("")) + text(block.path("input").toString());
            case "tool_result" -> content(block.path("content"));
            default -> text(block.toString());
        };
    }

    private long document(JsonNode source) {
        return switch (source.path("type").asText()) {
            case "text" -> text(source.path("data").asText(""));
            case "content" -> content(source.path("content"));
            default -> IMAGE_TOKENS;
        };
    }

    private long text(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
