package io.llmgate.web.rest;

import io.llmgate.web.inference.CountTokensDispatcher;
import io.llmgate.web.inference.FrontDoor;
import io.llmgate.web.inference.InferenceDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;

/**
 * Anthropic's Messages API, with and without {@code /v1}, for the Anthropic SDKs and Claude Code
 * ({@code ANTHROPIC_BASE_URL} pointing at the gateway): any model group answers, through the same pipeline
 * and hooks as the OpenAI routes, in Anthropic's format. Keys come as {@code x-api-key} or a bearer token.
 */
@Path("/")
@ApplicationScoped
public class MessagesResource {
    @Inject
    InferenceDispatcher dispatcher;
    @Inject
    CountTokensDispatcher counter;

    @POST
    @Path("v1/messages")
    public void messages(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                         @Suspended AsyncResponse async) {
        dispatcher.dispatch(FrontDoor.anthropicMessages(), body, headers, security, async);
    }

    @POST
    @Path("messages")
    public void messagesWithoutVersion(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                       @Suspended AsyncResponse async) {
        messages(body, headers, security, async);
    }

    @POST
    @Path("v1/messages/count_tokens")
    public void countTokens(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                            @Suspended AsyncResponse async) {
        counter.count(body, headers, security, async);
    }

    @POST
    @Path("messages/count_tokens")
    public void countTokensWithoutVersion(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                          @Suspended AsyncResponse async) {
        countTokens(body, headers, security, async);
    }
}
