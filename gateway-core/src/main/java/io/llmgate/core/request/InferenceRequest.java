package io.llmgate.core.request;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A validated inference request. {@code body} is the gateway's own parsed copy of what the caller
 * sent (never shared with the caller), so adapters may build the upstream body from it.
 *
 * @param includeUsage whether the caller asked for {@code stream_options.include_usage}
 */
public record InferenceRequest(InferenceEndpoint endpoint, String model, boolean stream, boolean includeUsage,
                               ObjectNode body) {
    public InferenceRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(body, "body");
    }
}
