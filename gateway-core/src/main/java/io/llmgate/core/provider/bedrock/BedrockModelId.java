package io.llmgate.core.provider.bedrock;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Bedrock model (or inference profile, or ARN) a deployment names, without LiteLLM's route prefixes
 * {@code converse/} and {@code invoke/}: {@code bedrock/converse/anthropic.claude-3-haiku-20240307-v1:0} calls
 * {@code anthropic.claude-3-haiku-20240307-v1:0}. Chat always goes through Converse, embeddings through InvokeModel.
 */
record BedrockModelId(String id) {
    private static final String[] ROUTES = {"converse/", "invoke/"};

    static BedrockModelId of(String upstreamModel) {
        for (String route : ROUTES) {
            if (upstreamModel.startsWith(route)) {
                return new BedrockModelId(upstreamModel.substring(route.length()));
            }
        }
        return new BedrockModelId(upstreamModel);
    }

    /** {@code /model/<id>/<operation>}, the id percent-encoded as one path segment (ARNs hold {@code /} and {@code :}). */
    String path(String operation) {
        return "/model/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/" + operation;
    }

    boolean isAnthropic() {
        return id.contains("anthropic.");
    }
}
