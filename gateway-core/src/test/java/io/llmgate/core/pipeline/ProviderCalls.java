package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamClient;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** One {@link ProviderCall} waited for, for the tests of this package that drive an adapter over loopback. */
final class ProviderCalls {
    private ProviderCalls() {
    }

    static CallOutcome perform(UpstreamClient client, Deployment deployment, InferenceRequest request) throws Exception {
        return new ProviderCall(client, 1L << 20).perform(request, deployment).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The error the call fails with; fails the test when it does not fail that way. */
    static GatewayException failure(UpstreamClient client, Deployment deployment, InferenceRequest request) {
        Throwable thrown = catchThrowable(() -> perform(client, deployment, request));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayException.class);
        return (GatewayException) thrown.getCause();
    }
}
