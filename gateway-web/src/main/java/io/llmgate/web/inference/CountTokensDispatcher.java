package io.llmgate.web.inference;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.messages.CountTokens;
import io.llmgate.core.messages.MessagesRequestDecoder;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.web.filter.CallContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;
import java.util.concurrent.CompletionStage;

/**
 * {@code /v1/messages/count_tokens}: the body read within the request limit and decoded as Anthropic's,
 * the count answered as {@code {"input_tokens": N}}, errors in Anthropic's shape. A native count waits for
 * the provider without holding a container thread.
 */
@ApplicationScoped
public class CountTokensDispatcher {
    @Inject
    GatewayRuntime runtime;
    @Inject
    CountTokens counter;

    public void count(InputStream body, HttpHeaders headers, SecurityContext security, AsyncResponse async) {
        CallContext context = CallContext.of(security);
        FrontDoor door = FrontDoor.anthropicMessages();
        CompletionStage<byte[]> answer;
        try {
            byte[] bytes = RequestBodies.read(body, headers.getLength(), runtime.config().general().maxRequestBytes());
            answer = counter.count(MessagesRequestDecoder.decodeCountTokens(bytes, headers::getHeaderString));
        } catch (GatewayException e) {
            async.resume(door.errors().response(e));
            return;
        }
        answer.whenComplete((json, error) -> async.resume(error != null
                ? door.errors().response(InferenceDispatcher.unwrap(context.callId(), error))
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Content-Length", json.length).build()));
    }
}
