package io.llmgate.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.UpstreamRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where and how a deployment's Messages API is called: {@code POST {api_base}/v1/messages} (an api_base that
 * already ends in {@code /v1} or {@code /v1/messages} is taken as it is), the key as {@code x-api-key},
 * {@code anthropic-version} pinned, and the {@code anthropic-beta} flags of the deployment's
 * {@code extra_headers} and of the request joined into one header. The deployment's other extra headers are
 * added last and replace a default of the same name. Content-Type is set by the upstream client.
 */
public final class MessagesEndpoint {
    public static final String API_VERSION = "2023-06-01";
    private static final String BETA = "anthropic-beta";

    private MessagesEndpoint() {
    }

    /**
     * @param body   an Anthropic Messages request body
     * @param stream whether the answer is an event stream (chooses Accept and the stream timeout)
     * @param betas  {@code anthropic-beta} values the request asks for (each may be a comma-separated list)
     */
    public static UpstreamRequest request(Deployment deployment, byte[] body, boolean stream, Collection<String> betas) {
        Map<String, Map.Entry<String, String>> headers = new LinkedHashMap<>();
        deployment.apiKey().ifPresent(key -> put(headers, "x-api-key", key.reveal()));
        put(headers, "anthropic-version", API_VERSION);
        put(headers, "accept", stream ? "text/event-stream" : "application/json");
        Set<String> flags = new LinkedHashSet<>();
        deployment.config().params().extraHeaders().forEach((name, value) -> {
            if (name.equalsIgnoreCase(BETA)) {
                addFlags(flags, value);
            } else {
                put(headers, name, value);
            }
        });
        betas.forEach(value -> addFlags(flags, value));
        if (!flags.isEmpty()) {
            put(headers, BETA, String.join(",", flags));
        }
        return new UpstreamRequest(uri(deployment), new ArrayList<>(headers.values()), body,
                stream ? deployment.streamTimeout() : deployment.timeout());
    }

    static URI uri(Deployment deployment) {
        String path = deployment.apiBase().getPath();
        if (path.endsWith("/v1/messages")) {
            return deployment.resolve("", null);
        }
        return deployment.resolve(path.endsWith("/v1") ? "/messages" : "/v1/messages", null);
    }

    private static void put(Map<String, Map.Entry<String, String>> headers, String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
    }

    private static void addFlags(Set<String> flags, String value) {
        for (String flag : value.split(",")) {
            if (!flag.isBlank()) {
                flags.add(flag.strip());
            }
        }
    }

    /** The {@code anthropic-beta} values of an {@code extra_headers} object (LiteLLM's per-request headers). */
    static List<String> betas(JsonNode extraHeaders) {
        List<String> values = new ArrayList<>();
        extraHeaders.properties().forEach(header -> {
            if (header.getKey().equalsIgnoreCase(BETA) && header.getValue().isTextual()) {
                values.add(header.getValue().textValue());
            }
        });
        return values;
    }
}
