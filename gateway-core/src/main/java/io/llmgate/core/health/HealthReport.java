package io.llmgate.core.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of one health check over a set of deployments, in the order they were given; rendered in
 * LiteLLM's {@code GET /health} shape by {@link #toJson()}.
 */
public record HealthReport(List<EndpointHealth> endpoints, Instant checkedAt) {
    public HealthReport {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** The part of this report about the deployments with these ids. */
    public HealthReport only(Set<String> deploymentIds) {
        return new HealthReport(endpoints.stream().filter(e -> deploymentIds.contains(e.deployment().id())).toList(),
                checkedAt);
    }

    /**
     * {@code {"healthy_endpoints": [...], "unhealthy_endpoints": [...], "healthy_count": N, "unhealthy_count": M}};
     * each endpoint is its {@code litellm_params} without credentials plus {@code model_id}, an unhealthy one also
     * its {@code error}. Deployments that could not be checked count as unhealthy, with the reason as error.
     */
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode healthy = root.putArray("healthy_endpoints");
        ArrayNode unhealthy = root.putArray("unhealthy_endpoints");
        for (EndpointHealth endpoint : endpoints) {
            ObjectNode shown = EndpointParams.of(endpoint.deployment());
            if (endpoint.healthy()) {
                healthy.add(shown);
            } else {
                unhealthy.add(shown.put("error", endpoint.error().orElse("unhealthy")));
            }
        }
        return root.put("healthy_count", healthy.size()).put("unhealthy_count", unhealthy.size());
    }
}
