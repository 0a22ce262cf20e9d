package io.llmgate.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One {@code model_list} entry: a deployment of the public model group {@code modelName}.
 *
 * @param id        {@code model_info.id}, or a stable digest of the entry when absent
 * @param routing   what the router reads: order, concurrency, cooldown, context window, costs
 * @param modelInfo the raw {@code model_info} map (mode, context window, cost fields); open-ended by design
 */
public record DeploymentConfig(String modelName, String id, LitellmParams params, ObjectNode modelInfo,
                               RoutingParams routing) {
    public DeploymentConfig {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(modelInfo, "modelInfo");
        Objects.requireNonNull(routing, "routing");
    }

    /** An entry that tells the router nothing beyond its weight. */
    public DeploymentConfig(String modelName, String id, LitellmParams params, ObjectNode modelInfo) {
        this(modelName, id, params, modelInfo, RoutingParams.NONE);
    }
}
