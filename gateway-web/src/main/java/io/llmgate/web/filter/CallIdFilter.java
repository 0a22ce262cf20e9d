package io.llmgate.web.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request a call id and a start time before anything else runs, and returns the id as
 * {@code x-litellm-call-id} on every answer, errors included, so any response can be found in the logs.
 */
@Provider
@PreMatching
@Priority(100)
public class CallIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String CALL_ID = "llmgate.callId";
    public static final String RECEIVED_NANOS = "llmgate.receivedNanos";
    public static final String CALL_ID_HEADER = "x-litellm-call-id";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(RECEIVED_NANOS, System.nanoTime());
        request.setProperty(CALL_ID, newCallId());
    }

    /** A random version-4 UUID; call ids need uniqueness, not unpredictability, so no SecureRandom here. */
    public static String newCallId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object callId = request.getProperty(CALL_ID);
        if (callId != null) {
            response.getHeaders().putSingle(CALL_ID_HEADER, callId);
        }
    }
}
