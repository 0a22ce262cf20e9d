package io.llmgate.persistence.instance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** JPA mapping of {@code gateway_instance} (created by Flyway V1); only the repository sees it. */
@Entity
@Table(name = "gateway_instance")
public class GatewayInstanceEntity {
    @Id
    @Column(name = "instance_id", nullable = false, updatable = false)
    private String instanceId;

    @Column(name = "host", nullable = false)
    private String host;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected GatewayInstanceEntity() {
        // for JPA
    }

    static GatewayInstanceEntity from(GatewayInstance instance) {
        GatewayInstanceEntity entity = new GatewayInstanceEntity();
        entity.instanceId = instance.instanceId();
        entity.host = instance.host();
        entity.version = instance.version();
        entity.startedAt = instance.startedAt();
        entity.lastSeenAt = instance.lastSeenAt();
        return entity;
    }

    GatewayInstance toRecord() {
        return new GatewayInstance(instanceId, host, version, startedAt, lastSeenAt);
    }
}
