package io.llmgate.persistence.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * {@code gateway_instance} through the {@code llmgate} persistence unit. In the server each method
 * runs in a JTA transaction; tests construct it with a resource-local {@link EntityManager} and
 * demarcate transactions themselves.
 */
@ApplicationScoped
public class JpaGatewayInstanceRepository {
    private EntityManager entityManager;

    protected JpaGatewayInstanceRepository() {
        // for CDI's proxy
    }

    /** @param entityManager of the {@code llmgate} unit; in the server, the WAR produces the container-managed one */
    @Inject
    public JpaGatewayInstanceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the instance, or overwrites the row with the same id. */
    @Transactional
    public void save(GatewayInstance instance) {
        entityManager.merge(GatewayInstanceEntity.from(instance));
    }

    @Transactional
    public Optional<GatewayInstance> findById(String instanceId) {
        return Optional.ofNullable(entityManager.find(GatewayInstanceEntity.class, instanceId))
                .map(GatewayInstanceEntity::toRecord);
    }

    /** All registered instances, most recently seen first. */
    @Transactional
    public List<GatewayInstance> findAll() {
        return entityManager.createQuery(
                        "select i from GatewayInstanceEntity i order by i.lastSeenAt desc, i.instanceId",
                        GatewayInstanceEntity.class)
                .getResultStream()
                .map(GatewayInstanceEntity::toRecord)
                .toList();
    }
}
