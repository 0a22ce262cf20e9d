package io.llmgate.core.request;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;

/**
 * A validated inference request. {@code body} is the gateway's own parsed copy of what the caller
 * sent (never shared with the caller), so adapters may build the upstream body from it.
 *
 * @param includeUsage     whether the caller asked for {@code stream_options.include_usage}
 * @param frontDoorHeaders request headers the front door keeps for a provider that speaks the caller's own
 *                         API ({@code anthropic-version}, {@code anthropic-beta} on {@code /v1/messages}),
 *                         lower-case names; empty on the OpenAI routes
 */
public record InferenceRequest(InferenceEndpoint endpoint, String model, boolean stream, boolean includeUsage,
                               ObjectNode body, Map<String, String> frontDoorHeaders) {
    public InferenceRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(body, "body");
        frontDoorHeaders = Map.copyOf(frontDoorHeaders);
    }

    /** A request without front-door headers, as every OpenAI route makes. */
    public InferenceRequest(InferenceEndpoint endpoint, String model, boolean stream, boolean includeUsage,
                            ObjectNode body) {
        this(endpoint, model, stream, includeUsage, body, Map.of());
    }
}
