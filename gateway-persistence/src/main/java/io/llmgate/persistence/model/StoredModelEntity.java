package io.llmgate.persistence.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** JPA mapping of {@code proxy_model} (Flyway V2); only the repository sees it. */
@Entity
@Table(name = "proxy_model")
public class StoredModelEntity {
    @Id
    @Column(name = "model_id", nullable = false, updatable = false)
    private String modelId;

    @Column(name = "model_name", nullable = false)
    private String modelName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "litellm_params", nullable = false)
    private String litellmParams;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "model_info", nullable = false)
    private String modelInfo;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredModelEntity() {
        // for JPA
    }

    static StoredModelEntity from(StoredModel model) {
        StoredModelEntity entity = new StoredModelEntity();
        entity.modelId = model.modelId();
        entity.modelName = model.modelName();
        entity.litellmParams = model.litellmParams();
        entity.modelInfo = model.modelInfo();
        entity.createdAt = model.createdAt();
        entity.updatedAt = model.updatedAt();
        return entity;
    }

    StoredModel toRecord() {
        return new StoredModel(modelId, modelName, litellmParams, modelInfo, createdAt, updatedAt);
    }
}
