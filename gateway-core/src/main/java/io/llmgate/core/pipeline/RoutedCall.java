package io.llmgate.core.pipeline;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.TokenEstimator;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.DeploymentState;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.ModelGroup;
import io.llmgate.core.routing.RetryRules;
import io.llmgate.core.routing.RouteRequest;
import io.llmgate.core.routing.Router;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One request's way through the router: attempts on the deployments the selector picks, retries within
 * the group ({@link RetryRules}), then the fallback groups ({@link io.llmgate.core.routing.FallbackChooser}), each failure fed to the
 * cooldown rules. Asynchronous throughout: an attempt starts when the previous one's stage fails, delayed
 * retries wait on the router's timer. A stream counts as succeeded once its first event arrived, so a stream
 * that fails before that is retried or falls back without the caller noticing.
 */
final class RoutedCall {
    private final Router router;
    private final ModelCatalog catalog;
    private final ProviderCall provider;
    private final InferenceRequest request;
    private final RequestRouting options;
    private final CompletableFuture<CallOutcome> result = new CompletableFuture<>();
    private final long promptTokens;

    private ModelGroup group;
    private boolean primary = true;
    /** Deployments of the current group that failed this request; allocated at the first failure. */
    private Set<String> tried = Set.of();
    private int retriesInGroup;
    private int retries;
    private int fallbacksTried;
    private Queue<String> fallbacks;
    private GatewayException firstError;
    private volatile CompletableFuture<CallOutcome> attempt;

    RoutedCall(Router router, ModelCatalog catalog, ProviderCall provider, InferenceRequest request,
               RequestRouting options) {
        this.router = router;
        this.catalog = catalog;
        this.provider = provider;
        this.request = request;
        this.options = options;
        this.promptTokens = router.selector().needsPromptTokens()
                ? TokenEstimator.estimate(request.model(), request.body()) : -1;
        // the caller went away: stop whatever attempt is under way
        result.whenComplete((outcome, error) -> {
            CompletableFuture<CallOutcome> current = attempt;
            if (result.isCancelled() && current != null) {
                current.cancel(false);
            }
        });
    }

    CompletionStage<CallOutcome> start(ModelGroup requested) {
        group = requested;
        attempt();
        return result;
    }

    private void attempt() {
        if (result.isDone()) {
            return;
        }
        Deployment deployment;
        try {
            deployment = router.selector().select(group, new RouteRequest(request.stream(), promptTokens, tried));
        } catch (GatewayException noneAvailable) {
            groupFailed(noneAvailable);
            return;
        }
        if (primary && options.mockFailure() != RequestRouting.MockFailure.NONE) {
            attemptFailed(deployment, MockReplies.failure(options.mockFailure(), group.name()), false);
            return;
        }
        if (options.mockResponse().isPresent()) {
            try {
                complete(MockReplies.answer(request, deployment, options.mockResponse().get()));
            } catch (GatewayException e) {
                result.completeExceptionally(e);
            }
            return;
        }
        Deployment target = options.timeout().map(deployment::withTimeout).orElse(deployment);
        DeploymentState state = router.state();
        // state nobody reads is not kept: in-flight counts and latencies cost cache writes on every call
        boolean countInFlight = router.selector().readsInFlight(group);
        boolean timeLatency = router.selector().readsLatency();
        state.callStarted(deployment.id(), countInFlight);
        CompletableFuture<CallOutcome> call = provider.perform(request, target).toCompletableFuture();
        attempt = call;
        call.whenComplete((outcome, error) -> {
            if (error == null) {
                if (timeLatency) {
                    state.recordLatency(deployment.id(), request.stream(), outcome.upstreamNanos());
                }
                if (promptTokens > 0) {
                    state.recordTokens(deployment.id(), promptTokens);
                }
                if (countInFlight) {
                    outcome.finished().whenComplete((done, failure) -> state.callEnded(deployment.id()));
                }
                complete(outcome);
            } else {
                if (countInFlight) {
                    state.callEnded(deployment.id());
                }
                attemptFailed(deployment, unwrap(error), true);
            }
        });
    }

    private void complete(CallOutcome outcome) {
        CallOutcome traced = retries == 0 && fallbacksTried == 0
                ? outcome : outcome.after(new CallOutcome.Attempts(retries, fallbacksTried));
        if (!result.complete(traced) && outcome instanceof CallOutcome.Streaming stream) {
            stream.events().cancel();
        }
    }

    private void attemptFailed(Deployment deployment, GatewayException error, boolean real) {
        if (result.isDone() || error.status() == 499) {
            result.completeExceptionally(error);
            return;
        }
        if (real) {
            router.cooldowns().onFailure(group, deployment, error);
        }
        if (tried.isEmpty()) {
            tried = new HashSet<>();
        }
        tried.add(deployment.id());
        boolean another = anotherAvailable();
        if (retriesInGroup < router.retries().retriesFor(error, options.numRetries(), another)) {
            retriesInGroup++;
            retries++;
            long delay = router.retries().delayMillis(error, retriesInGroup, another, ThreadLocalRandom.current());
            if (delay <= 0) {
                attempt();
            } else {
                router.timer().schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
            }
            return;
        }
        groupFailed(error);
    }

    private boolean anotherAvailable() {
        DeploymentState state = router.state();
        for (Deployment d : group.deployments()) {
            if (!tried.contains(d.id()) && state.cooldownUntil(d.id()) == 0 && state.healthy(d.id())) {
                return true;
            }
        }
        return false;
    }

    /** The group's retries are spent (or nothing in it could take the request): on to the next fallback group. */
    private void groupFailed(GatewayException error) {
        if (firstError == null) {
            firstError = error;
            List<String> chosen = router.fallbacks().choose(group.name(), error, options.fallbacks());
            fallbacks = new ArrayDeque<>(chosen);
        }
        while (!fallbacks.isEmpty()) {
            String name = fallbacks.poll();
            ModelGroup next = catalog.route(name).orElse(null);
            if (next != null) {
                primary = false;
                group = next;
                tried = Set.of();
                retriesInGroup = 0;
                fallbacksTried++;
                attempt();
                return;
            }
        }
        result.completeExceptionally(firstError);
    }

    private static GatewayException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof GatewayException gateway) {
            return gateway;
        }
        if (cause instanceof CancellationException) {
            return GatewayException.clientClosed();
        }
        return new GatewayException(ErrorType.INTERNAL, "The call failed unexpectedly");
    }
}
