package io.llmgate.persistence;

import io.llmgate.persistence.migration.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The production persistence unit ({@code llmgate}, main META-INF/persistence.xml), bootstrapped outside a
 * server on a fresh migrated database: the same mapping and Hibernate settings, with JTA swapped for
 * resource-local transactions that {@link #inTransaction} demarcates.
 */
public final class TestUnit implements AutoCloseable {
    private final EntityManagerFactory factory;

    private TestUnit(EntityManagerFactory factory) {
        this.factory = factory;
    }

    public static TestUnit onFreshDatabase() {
        FreshDatabase database = FreshDatabase.create();
        new SchemaMigrator(database.dataSource()).migrate();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        overrides.put("jakarta.persistence.jtaDataSource", null); // null removes the unit's JNDI name
        overrides.put("jakarta.persistence.nonJtaDataSource", database.dataSource());
        overrides.put("hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        return new TestUnit(Persistence.createEntityManagerFactory("llmgate", overrides));
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
        } finally {
            entityManager.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
