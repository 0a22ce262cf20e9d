package io.llmgate.web.rest;

import io.llmgate.core.request.InferenceEndpoint;
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
 * OpenAI's inference routes, with and without {@code /v1}. No {@code @Consumes}/{@code @Produces}:
 * clients send all kinds of content types and accept headers, and the body decides (JSON or SSE).
 * A CDI singleton: per-request state arrives as method parameters.
 */
@Path("/")
@ApplicationScoped
public class InferenceResource {
    @Inject
    InferenceDispatcher dispatcher;

    @POST
    @Path("v1/chat/completions")
    public void chatCompletions(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        dispatcher.dispatch(InferenceEndpoint.CHAT_COMPLETIONS, body, headers, security, async);
    }

    @POST
    @Path("chat/completions")
    public void chatCompletionsWithoutVersion(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        chatCompletions(body, headers, security, async);
    }

    @POST
    @Path("v1/completions")
    public void completions(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        dispatcher.dispatch(InferenceEndpoint.COMPLETIONS, body, headers, security, async);
    }

    @POST
    @Path("completions")
    public void completionsWithoutVersion(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        completions(body, headers, security, async);
    }

    @POST
    @Path("v1/embeddings")
    public void embeddings(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        dispatcher.dispatch(InferenceEndpoint.EMBEDDINGS, body, headers, security, async);
    }

    @POST
    @Path("embeddings")
    public void embeddingsWithoutVersion(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security,
                                @Suspended AsyncResponse async) {
        embeddings(body, headers, security, async);
    }
}
