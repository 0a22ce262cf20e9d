package io.llmgate.persistence.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code proxy_model}: a deployment managed through the API.
 *
 * @param litellmParams JSON text, credential fields already encrypted
 * @param modelInfo     JSON text
 */
public record StoredModel(String modelId, String modelName, String litellmParams, String modelInfo,
                          Instant createdAt, Instant updatedAt) {
    public StoredModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(litellmParams, "litellmParams");
        Objects.requireNonNull(modelInfo, "modelInfo");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
