package io.llmgate.core.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

import java.util.Map;
import java.util.Objects;

/**
 * A Messages (or count_tokens) call for a {@link NativeMessagesSupport} provider.
 *
 * @param body          the caller's body with {@code model} set to the deployment's upstream model: the
 *                      adapter's own copy, which it may change
 * @param stream        whether the caller asked for a stream
 * @param clientHeaders the caller's {@code anthropic-version} and {@code anthropic-beta} headers, if sent
 *                      (lower-case names), for the adapter to forward
 */
public record NativeMessagesRequest(ObjectNode body, boolean stream, Map<String, String> clientHeaders) {
    public NativeMessagesRequest {
        Objects.requireNonNull(body, "body");
        clientHeaders = Map.copyOf(clientHeaders);
    }

    /** The call {@code request} (a Messages or count_tokens request) makes on {@code deployment}: a copy of its body naming the upstream model. */
    static NativeMessagesRequest of(InferenceRequest request, Deployment deployment) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", deployment.upstreamModel());
        return new NativeMessagesRequest(body, request.stream(), request.frontDoorHeaders());
    }
}
