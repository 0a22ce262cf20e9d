package io.llmgate.core.messages;

import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.util.Optional;

/**
 * Implemented by a {@link io.llmgate.core.provider.ProviderAdapter} whose provider speaks Anthropic's Messages
 * API itself ({@code anthropic/}, and Claude on Bedrock or Vertex where the adapter chooses to): a
 * {@code /v1/messages} call then skips the OpenAI translation. The adapter only addresses and authenticates
 * the request; the gateway passes the provider's answer through byte for byte, its stream event by event
 * with the event names kept, and reports non-2xx answers through the adapter's {@code toError} and streams
 * through its {@code frameDecoder}. Implementations are stateless and thread-safe, like the adapter.
 */
public interface NativeMessagesSupport {
    /**
     * The HTTP request for a Messages call: the provider's messages URL, its credentials, an
     * {@code anthropic-version} (the caller's, or the adapter's default) and {@code request.body()} as the body.
     */
    UpstreamRequest toNativeMessages(NativeMessagesRequest request, Deployment deployment);

    /**
     * The HTTP request for a {@code /v1/messages/count_tokens} call, or empty when the provider cannot count
     * (the gateway then estimates locally). The default: empty.
     */
    default Optional<UpstreamRequest> toNativeCountTokens(NativeMessagesRequest request, Deployment deployment) {
        return Optional.empty();
    }
}
