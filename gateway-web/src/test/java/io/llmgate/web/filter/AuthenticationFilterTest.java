package io.llmgate.web.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.json.Json;
import io.llmgate.web.StaticRuntime;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFilterTest {
    private static final String MASTER_KEY = "sk-master-filter-test";

    /** Resource classes whose methods the filter inspects. */
    static class PrivateResource {
        public void call() {
        }

        @PublicEndpoint
        public void probe() {
        }
    }

    @PublicEndpoint
    static class PublicResource {
        public void call() {
        }
    }

    /** What the filter did to the request. */
    private static final class Request {
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, Object> properties = new HashMap<>();
        Response aborted;
        SecurityContext securityContext = new Insecure(true);
        String path = "v1/chat/completions";

        ContainerRequestContext context() {
            return (ContainerRequestContext) Proxy.newProxyInstance(AuthenticationFilterTest.class.getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getHeaderString" -> headers.get((String) args[0]);
                        case "getProperty" -> properties.get((String) args[0]);
                        case "abortWith" -> {
                            aborted = (Response) args[0];
                            yield null;
                        }
                        case "getSecurityContext" -> securityContext;
                        case "getUriInfo" -> uriInfo(path);
                        case "setSecurityContext" -> {
                            securityContext = (SecurityContext) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** The container's own security context before authentication. */
    private record Insecure(boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }

    private final Request request = new Request();

    AuthenticationFilterTest() {
        request.properties.put(CallIdFilter.CALL_ID, "call-42");
        request.properties.put(CallIdFilter.RECEIVED_NANOS, 1234L);
    }

    @Test
    void should_admit_the_master_key_as_the_calls_principal() {
        // given
        request.headers.put("Authorization", "Bearer " + MASTER_KEY);

        // when
        filter(PrivateResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted).isNull();
        CallContext context = CallContext.of(request.securityContext);
        assertThat(context.callId()).isEqualTo("call-42");
        assertThat(context.caller()).isEqualTo(Caller.MASTER);
        assertThat(context.receivedNanos()).isEqualTo(1234L);
        assertThat(context.getName()).isEqualTo("master-key");
        assertThat(request.securityContext.isUserInRole("proxy_admin")).isTrue();
        assertThat(request.securityContext.isUserInRole("internal_user")).isFalse();
        assertThat(request.securityContext.isSecure()).isTrue();
        assertThat(request.securityContext.getAuthenticationScheme()).isEqualTo("Bearer");
    }

    @Test
    void should_refuse_a_request_without_a_key_and_say_where_keys_go() throws Exception {
        // when
        filter(PrivateResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted.getStatus()).isEqualTo(401);
        JsonNode error = error(request.aborted);
        assertThat(error.path("type").asText()).isEqualTo("auth_error");
        assertThat(error.path("message").asText()).contains("no API key passed in").contains("Authorization: Bearer");
        assertThat(error.path("code").asText()).isEqualTo("401");
    }

    @Test
    void should_refuse_a_wrong_key_without_repeating_it() throws Exception {
        // given
        request.headers.put("x-litellm-api-key", "sk-wrong-but-close-to-the-master");

        // when
        filter(PrivateResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted.getStatus()).isEqualTo(401);
        assertThat(error(request.aborted).path("message").asText()).isEqualTo("Authentication Error: invalid API key");
        assertThat(new String((byte[]) request.aborted.getEntity())).doesNotContain("sk-wrong");
        assertThat(request.securityContext).isInstanceOf(Insecure.class);
    }

    @Test
    void should_refuse_an_anthropic_client_in_anthropics_error_shape() throws Exception {
        // given
        request.path = "v1/messages";
        request.headers.put("x-api-key", "sk-ant-not-the-master");

        // when
        filter(PrivateResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted.getStatus()).isEqualTo(401);
        JsonNode body = Json.mapper().readTree((byte[]) request.aborted.getEntity());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(body.at("/error/message").asText()).isEqualTo("Authentication Error: invalid API key");
    }

    @Test
    void should_admit_the_master_key_sent_as_anthropics_x_api_key() {
        // given
        request.path = "v1/messages";
        request.headers.put("x-api-key", MASTER_KEY);

        // when
        filter(PrivateResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted).isNull();
        assertThat(CallContext.of(request.securityContext).caller()).isEqualTo(Caller.MASTER);
    }

    @Test
    void should_refuse_every_key_when_no_master_key_is_configured() {
        // given
        request.headers.put("Authorization", "Bearer " + MASTER_KEY);

        // when
        filter(PrivateResource.class, "call", Optional.empty()).filter(request.context());

        // then
        assertThat(request.aborted.getStatus()).isEqualTo(401);
    }

    @Test
    void should_let_a_public_method_through_without_a_key() {
        // when
        filter(PrivateResource.class, "probe", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted).isNull();
        assertThat(request.securityContext).isInstanceOf(Insecure.class);
    }

    @Test
    void should_let_every_method_of_a_public_class_through_without_a_key() {
        // when
        filter(PublicResource.class, "call", Optional.of(MASTER_KEY)).filter(request.context());

        // then
        assertThat(request.aborted).isNull();
    }

    @Test
    void should_refuse_a_request_that_matched_no_resource_method_without_a_key() {
        // given: e.g. an unknown route, before the 404
        AuthenticationFilter filter = new AuthenticationFilter();
        filter.runtime = new StaticRuntime(Optional.of(MASTER_KEY), 1024);
        filter.resource = null;

        // when
        filter.filter(request.context());

        // then
        assertThat(request.aborted.getStatus()).isEqualTo(401);
    }

    private static AuthenticationFilter filter(Class<?> resourceClass, String methodName, Optional<String> masterKey) {
        AuthenticationFilter filter = new AuthenticationFilter();
        filter.runtime = new StaticRuntime(masterKey, 1024);
        filter.resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                try {
                    return resourceClass.getMethod(methodName);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Class<?> getResourceClass() {
                return resourceClass;
            }
        };
        return filter;
    }

    private static UriInfo uriInfo(String path) {
        return (UriInfo) Proxy.newProxyInstance(AuthenticationFilterTest.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JsonNode error(Response response) throws Exception {
        return Json.mapper().readTree((byte[]) response.getEntity()).path("error");
    }
}
