package io.llmgate.web.inference;

import com.fasterxml.jackson.databind.node.TextNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.auth.CredentialHeaders;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.pipeline.InferencePipeline;
import io.llmgate.core.pipeline.RequestRouting;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.web.filter.AuthenticationFilter;
import io.llmgate.web.filter.CallIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One inference exchange: call id, authentication, bounded body read and decode on the container thread,
 * then the pipeline, and the answer written when the provider answers. Complete answers are written on the
 * thread that received them (small, and the write does not wait); streams are handed to a
 * {@link StreamWriters} thread. Nothing here blocks on the provider.
 */
@ApplicationScoped
public class InferenceDispatcher {
    private static final System.Logger LOG = System.getLogger(InferenceDispatcher.class.getName());

    static final String TIMEOUT_HEADER = "x-litellm-timeout";

    @Inject
    GatewayRuntime runtime;
    @Inject
    InferencePipeline pipeline;
    @Inject
    StreamWriters writers;

    public void dispatch(InferenceEndpoint endpoint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        dispatch(FrontDoor.openAi(endpoint), request, response);
    }

    public void dispatch(FrontDoor door, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long receivedNanos = System.nanoTime();
        String callId = CallIdFilter.newCallId();
        response.setHeader(CallIdFilter.CALL_ID_HEADER, callId);
        InferenceCall call;
        try {
            Caller caller = authenticate(request);
            byte[] bytes = RequestBodies.read(request.getInputStream(), request.getContentLengthLong(),
                    runtime.config().general().maxRequestBytes());
            InferenceRequest decoded = door.decode(bytes, request::getHeader);
            call = new InferenceCall(callId, caller, decoded, receivedNanos, requestedTimeout(request));
        } catch (RuntimeException e) {
            InferenceResponses.error(response, door.errors(), unwrap(callId, e));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the provider call has its own timeouts
        CompletionStage<CallOutcome> answer;
        try {
            answer = pipeline.execute(call);
        } catch (RuntimeException e) {
            respond(door, call, async, null, e);
            return;
        }
        async.addListener(new CancelOnClientError(answer));
        answer.whenComplete((outcome, error) -> respond(door, call, async, outcome, error));
    }

    /** LiteLLM's {@code x-litellm-timeout} header: seconds, for this request only. */
    private static Optional<Duration> requestedTimeout(HttpServletRequest request) {
        String header = request.getHeader(TIMEOUT_HEADER);
        return header == null ? Optional.empty() : RequestRouting.seconds(TIMEOUT_HEADER, TextNode.valueOf(header));
    }

    private Caller authenticate(HttpServletRequest request) {
        Optional<String> presented = CredentialHeaders.presentedKey(request::getHeader);
        return runtime.authenticator().authenticate(presented)
                .orElseThrow(() -> AuthenticationFilter.rejection(presented.isPresent()));
    }

    private void respond(FrontDoor door, InferenceCall call, AsyncContext async, CallOutcome outcome, Throwable error) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        if (outcome instanceof CallOutcome.Streaming streaming) {
            writers.execute(() -> {
                try {
                    InferenceResponses.stream(response, call, streaming, door.framing());
                } finally {
                    async.complete();
                }
            });
            return;
        }
        try {
            if (error != null) {
                InferenceResponses.error(response, door.errors(), unwrap(call.callId(), error));
            } else {
                InferenceResponses.answered(response, call, (CallOutcome.Answered) outcome);
            }
        } catch (IOException clientGone) {
            LOG.log(System.Logger.Level.DEBUG, "client of call " + call.callId() + " left before the answer");
        } finally {
            async.complete();
        }
    }

    /** The error to answer: the gateway's own as it is, a bug as a 500 that names the call for the log. */
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

    /** A connection the container sees fail while the provider is still working cancels the provider call. */
    private record CancelOnClientError(CompletionStage<CallOutcome> answer) implements AsyncListener {
        @Override
        public void onError(AsyncEvent event) {
            answer.toCompletableFuture().cancel(true);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // answered normally
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // no container timeout is set
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
