package io.llmgate.core.messages;

import io.llmgate.core.provider.ProviderAdapter;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

/**
 * Chooses how a {@code /v1/messages} call reaches the deployment the router picked: natively when the
 * deployment's adapter implements {@link NativeMessagesSupport}, else translated through its OpenAI-format
 * adapter. Either way the result is an adapter for this one call, which the provider call runs like any other.
 */
public final class MessagesAdapters {
    private MessagesAdapters() {
    }

    /** @throws io.llmgate.api.error.GatewayException (400) when the request cannot be translated for the target */
    public static ProviderAdapter forTarget(InferenceRequest messages, Deployment deployment) {
        ProviderAdapter provider = deployment.provider().adapter();
        if (provider instanceof NativeMessagesSupport nativeMessages) {
            return new NativeMessagesAdapter(provider, nativeMessages);
        }
        return new TranslatedMessagesAdapter(provider, messages, deployment);
    }
}
