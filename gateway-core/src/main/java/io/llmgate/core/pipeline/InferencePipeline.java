package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.hook.Budgeted;
import io.llmgate.core.hook.RateLimited;
import io.llmgate.core.hook.SpendTracked;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.ModelGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The inference use case. Authentication has happened before (the caller is in the call); the hooks
 * named on {@link #execute} run around it in {@link io.llmgate.core.hook.HookOrder}; then a {@link RoutedCall}
 * tries the deployments the router picks, with retries and fallbacks, each attempt a {@link ProviderCall}. Never blocks: the answer arrives on the
 * returned stage, failed with a {@link GatewayException} when the call cannot succeed.
 */
@ApplicationScoped
public class InferencePipeline {
    private static final int MAX_ECHOED_MODEL = 100;

    private GatewayRuntime runtime;

    protected InferencePipeline() {
        // for CDI proxies
    }

    @Inject
    public InferencePipeline(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Budgeted
    @RateLimited
    @SpendTracked
    public CompletionStage<CallOutcome> execute(InferenceCall call) {
        ModelCatalog catalog = runtime.catalog();
        ModelGroup group;
        RequestRouting options;
        try {
            group = modelGroup(catalog, call.request().model());
            options = RequestRouting.extract(call.request().body(), call.requestedTimeout());
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        ProviderCall provider = new ProviderCall(runtime.upstream(), runtime.config().general().maxResponseBytes(),
                runtime.config().litellm().dropParams());
        return new RoutedCall(runtime.router(), catalog, provider, call.request(), options).start(group);
    }

    private static ModelGroup modelGroup(ModelCatalog catalog, String model) {
        return catalog.route(model).orElseThrow(() -> GatewayException.invalidField("model",
                "Invalid model name passed in model=" + shorten(model)
                        + ". Call `/v1/models` to view available models for your key."));
    }

    private static String shorten(String model) {
        return model.length() <= MAX_ECHOED_MODEL ? model : model.substring(0, MAX_ECHOED_MODEL) + "…";
    }
}
