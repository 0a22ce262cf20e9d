package io.llmgate.web.inference;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.pipeline.InferencePipeline;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.web.filter.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * What every inference resource does, whatever its {@link FrontDoor}: read and decode the body, run the
 * pipeline, and resume the suspended request when the provider answers. Complete answers are written on the thread that
 * received them (they are small and the write does not wait); streams are handed to a
 * {@link StreamWriters} thread.
 */
@ApplicationScoped
public class InferenceDispatcher {
    private static final System.Logger LOG = System.getLogger(InferenceDispatcher.class.getName());

    @Inject
    GatewayRuntime runtime;
    @Inject
    InferencePipeline pipeline;
    @Inject
    StreamWriters writers;

    public void dispatch(InferenceEndpoint endpoint, InputStream body, HttpHeaders headers, SecurityContext security,
                         AsyncResponse async) {
        dispatch(FrontDoor.openAi(endpoint), body, headers, security, async);
    }

    public void dispatch(FrontDoor door, InputStream body, HttpHeaders headers, SecurityContext security,
                         AsyncResponse async) {
        CallContext context = CallContext.of(security);
        InferenceCall call;
        try {
            byte[] bytes = RequestBodies.read(body, headers.getLength(), runtime.config().general().maxRequestBytes());
            InferenceRequest request = door.decode(bytes, headers);
            call = new InferenceCall(context.callId(), context.caller(), request, context.receivedNanos());
        } catch (GatewayException e) {
            async.resume(door.error(e));
            return;
        }
        CompletionStage<CallOutcome> answer;
        try {
            answer = pipeline.execute(call);
        } catch (GatewayException e) {
            async.resume(door.error(e));
            return;
        }
        cancelOnDisconnect(async, answer);
        answer.whenComplete((outcome, error) -> respond(door, call, async, outcome, error));
    }

    /**
     * Where the container reports a client that went away (Jersey does, RESTEasy may not), the provider
     * call is cancelled instead of running to completion for nobody.
     */
    private static void cancelOnDisconnect(AsyncResponse async, CompletionStage<CallOutcome> answer) {
        try {
            async.register((ConnectionCallback) disconnected -> answer.toCompletableFuture().cancel(true));
        } catch (RuntimeException unsupported) {
            // optional in JAX-RS: streams still notice a departed client on their next write
        }
    }

    private void respond(FrontDoor door, InferenceCall call, AsyncResponse async, CallOutcome outcome, Throwable error) {
        if (error != null) {
            async.resume(door.error(unwrap(call.callId(), error)));
        } else if (outcome instanceof CallOutcome.Answered answered) {
            async.resume(InferenceResponses.answered(call, answered));
        } else if (outcome instanceof CallOutcome.Streaming streaming) {
            writers.execute(() -> {
                Response response = InferenceResponses.streaming(call, streaming,
                        new SseBody(streaming.events(), door.framing()));
                if (!async.resume(response)) {
                    streaming.events().cancel();
                }
            });
        }
    }

    /** The error a failed stage carries; anything but a GatewayException is a bug, logged and hidden behind a 500. */
    static GatewayException unwrap(String callId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof GatewayException known) {
            return known;
        }
        if (cause instanceof CancellationException) {
            return GatewayException.clientClosed();
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure in call " + callId + ": " + cause.getClass().getName(), cause);
        return new GatewayException(ErrorType.INTERNAL, "Internal error; see the gateway log for call " + callId);
    }
}
