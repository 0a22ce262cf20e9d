package io.llmgate.web.filter;

import io.llmgate.core.auth.Caller;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling and which call this is: set by {@link AuthenticationFilter} as the request's principal,
 * read by resources with {@link #of(SecurityContext)}.
 */
public record CallContext(String callId, Caller caller, long receivedNanos) implements Principal {
    public CallContext {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String getName() {
        return caller.id();
    }

    /** The authenticated call; only resources behind {@link AuthenticationFilter} may ask. */
    public static CallContext of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallContext context) {
            return context;
        }
        throw new IllegalStateException("no authenticated call context: is the resource marked @PublicEndpoint?");
    }
}
