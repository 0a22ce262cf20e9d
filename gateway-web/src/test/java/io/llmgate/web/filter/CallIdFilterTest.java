package io.llmgate.web.filter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallIdFilterTest {
    private final CallIdFilter filter = new CallIdFilter();

    @Test
    void should_give_each_request_a_version_4_uuid() {
        // given
        Set<String> ids = new HashSet<>();

        // when
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> properties = new HashMap<>();
            filter.filter(request(properties));
            ids.add((String) properties.get(CallIdFilter.CALL_ID));
        }

        // then
        assertThat(ids).hasSize(10_000).allSatisfy(id -> {
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid).hasToString(id);
        });
    }

    @Test
    void should_record_when_the_request_was_received() {
        // given
        Map<String, Object> properties = new HashMap<>();
        long before = System.nanoTime();

        // when
        filter.filter(request(properties));

        // then
        assertThat((Long) properties.get(CallIdFilter.RECEIVED_NANOS)).isBetween(before, System.nanoTime());
    }

    @Test
    void should_return_the_call_id_as_a_response_header() {
        // given
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = request(properties);
        filter.filter(request);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        // when
        filter.filter(request, response(headers));

        // then
        assertThat(headers.get(CallIdFilter.CALL_ID_HEADER)).containsExactly(properties.get(CallIdFilter.CALL_ID));
    }

    @Test
    void should_add_no_header_when_the_request_never_got_an_id() {
        // given
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        // when
        filter.filter(request(new HashMap<>()), response(headers));

        // then
        assertThat(headers).isEmpty();
    }

    /** A request context that only holds properties; the filter needs nothing else. */
    private static ContainerRequestContext request(Map<String, Object> properties) {
        return (ContainerRequestContext) Proxy.newProxyInstance(CallIdFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "getProperty" -> properties.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response context that only holds headers. */
    private static ContainerResponseContext response(MultivaluedMap<String, Object> headers) {
        return (ContainerResponseContext) Proxy.newProxyInstance(CallIdFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
