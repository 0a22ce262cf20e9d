package io.llmgate.web.filter;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.auth.CredentialHeaders;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.web.error.ErrorFormat;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Optional;

/**
 * Admits a request only with a valid key (LiteLLM's headers, see {@link CredentialHeaders}); the caller
 * becomes the request's {@link CallContext}. Routes marked {@link PublicEndpoint} pass without one.
 * The 401 never says which part of a presented key was wrong, and comes in the route's {@link ErrorFormat}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Inject
    GatewayRuntime runtime;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        Optional<String> presented = CredentialHeaders.presentedKey(request::getHeaderString);
        Optional<Caller> caller = runtime.authenticator().authenticate(presented);
        if (caller.isEmpty()) {
            request.abortWith(ErrorFormat.forPath(request.getUriInfo().getPath()).response(rejection(presented.isPresent())));
            return;
        }
        CallContext context = new CallContext((String) request.getProperty(CallIdFilter.CALL_ID), caller.get(),
                (Long) request.getProperty(CallIdFilter.RECEIVED_NANOS));
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return context;
            }

            @Override
            public boolean isUserInRole(String role) {
                return context.caller().role().name().equalsIgnoreCase(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    /** The 401 for a request without a valid key; it never says which part of a presented key was wrong. */
    public static GatewayException rejection(boolean keyPresented) {
        return GatewayException.withStatus(ErrorType.AUTHENTICATION, 401, keyPresented
                ? "Authentication Error: invalid API key"
                : "Authentication Error: no API key passed in (use Authorization: Bearer <key>, x-litellm-api-key, api-key or x-api-key)");
    }

    private boolean isPublic() {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }
}
