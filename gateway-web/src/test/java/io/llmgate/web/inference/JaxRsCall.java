package io.llmgate.web.inference;

import io.llmgate.web.filter.CallContext;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.container.TimeoutHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A JAX-RS call as a container hands it to a resource that suspends: headers, security context, async response. */
final class JaxRsCall {
    private JaxRsCall() {
    }

    /** Records what it was resumed with; can refuse the resume as a container does for a departed client. */
    static final class Async implements AsyncResponse {
        final CompletableFuture<Response> resumed = new CompletableFuture<>();
        final List<Object> registered = new ArrayList<>();
        volatile Thread resumedOn;
        boolean accepts = true;
        boolean supportsCallbacks = true;

        @Override
        public boolean resume(Object response) {
            resumedOn = Thread.currentThread();
            resumed.complete((Response) response);
            return accepts;
        }

        @Override
        public boolean resume(Throwable response) {
            resumed.completeExceptionally(response);
            return accepts;
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            if (!supportsCallbacks) {
                throw new UnsupportedOperationException("no connection callbacks here");
            }
            registered.add(callback);
            return List.of(ConnectionCallback.class);
        }

        Response response() throws Exception {
            return resumed.get(5, TimeUnit.SECONDS);
        }

        @Override
        public boolean cancel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(int retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isSuspended() {
            return !resumed.isDone();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return resumed.isDone();
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            throw new UnsupportedOperationException();
        }
    }

    static HttpHeaders headers(long length) {
        return (HttpHeaders) Proxy.newProxyInstance(JaxRsCall.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getLength")) {
                        return (int) length;
                    }
                    if (method.getName().equals("getHeaderString")) {
                        return "anthropic-version".equalsIgnoreCase((String) args[0]) ? "2023-06-01" : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static SecurityContext security(CallContext context) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return context;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
