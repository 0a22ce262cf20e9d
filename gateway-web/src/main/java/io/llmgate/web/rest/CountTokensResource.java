package io.llmgate.web.rest;

import io.llmgate.web.inference.CountTokensDispatcher;
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
 * Anthropic's {@code /v1/messages/count_tokens} (with and without {@code /v1}), for the Anthropic SDKs and
 * Claude Code. {@code /v1/messages} itself is served by the inference servlet.
 */
@Path("/")
@ApplicationScoped
public class CountTokensResource {
    @Inject
    CountTokensDispatcher counter;

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
