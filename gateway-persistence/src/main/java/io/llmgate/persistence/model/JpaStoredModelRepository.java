package io.llmgate.persistence.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code proxy_model} through the {@code llmgate} persistence unit; JTA transactions in the server. */
@ApplicationScoped
public class JpaStoredModelRepository {
    private EntityManager entityManager;

    protected JpaStoredModelRepository() {
        // for CDI's proxy
    }

    @Inject
    public JpaStoredModelRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the model, or overwrites the row with the same id. */
    @Transactional
    public void save(StoredModel model) {
        entityManager.merge(StoredModelEntity.from(model));
    }

    @Transactional
    public Optional<StoredModel> findById(String modelId) {
        return Optional.ofNullable(entityManager.find(StoredModelEntity.class, modelId)).map(StoredModelEntity::toRecord);
    }

    /** @return whether a row was deleted */
    @Transactional
    public boolean delete(String modelId) {
        StoredModelEntity entity = entityManager.find(StoredModelEntity.class, modelId);
        if (entity == null) {
            return false;
        }
        entityManager.remove(entity);
        return true;
    }

    /** Every stored model, oldest first, so groups keep a stable order. */
    @Transactional
    public List<StoredModel> findAll() {
        return entityManager.createQuery("select m from StoredModelEntity m order by m.createdAt, m.modelId",
                        StoredModelEntity.class)
                .getResultStream().map(StoredModelEntity::toRecord).toList();
    }

    /** A fingerprint of the table (rows and latest change), to see cheaply whether another instance changed it. */
    @Transactional
    public String version() {
        Object[] row = entityManager.createQuery("select count(m), max(m.updatedAt) from StoredModelEntity m", Object[].class)
                .getSingleResult();
        Instant latest = (Instant) row[1];
        return row[0] + "@" + (latest == null ? "-" : latest.toString());
    }
}
