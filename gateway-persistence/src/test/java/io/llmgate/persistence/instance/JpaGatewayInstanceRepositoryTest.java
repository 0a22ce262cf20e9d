package io.llmgate.persistence.instance;

import io.llmgate.persistence.FreshDatabase;
import io.llmgate.persistence.migration.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production persistence unit ({@code llmgate}, main META-INF/persistence.xml), bootstrapped outside a
 * server: the same mapping and Hibernate settings, with JTA swapped for resource-local transactions.
 */
class JpaGatewayInstanceRepositoryTest {
    private static final Instant STARTED = Instant.parse("2026-11-22T08:00:00.123456Z");

    private EntityManagerFactory factory;

    @BeforeEach
    void bootHibernateOnAMigratedDatabase() {
        FreshDatabase database = FreshDatabase.create();
        new SchemaMigrator(database.dataSource()).migrate();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        overrides.put("jakarta.persistence.jtaDataSource", null); // null removes the unit's JNDI name
        overrides.put("jakarta.persistence.nonJtaDataSource", database.dataSource());
        overrides.put("hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        factory = Persistence.createEntityManagerFactory("llmgate", overrides);
    }

    @AfterEach
    void closeHibernate() {
        factory.close();
    }

    @Test
    void should_store_and_read_back_an_instance() {
        // given
        GatewayInstance instance = new GatewayInstance("gw-1", "host-a", "0.1.0", STARTED, STARTED);

        // when
        inTransaction(repository -> repository.save(instance));

        // then
        Optional<GatewayInstance> found = read(repository -> repository.findById("gw-1"));
        assertThat(found).contains(instance);
    }

    @Test
    void should_overwrite_the_row_of_an_instance_saved_again() {
        // given
        GatewayInstance instance = new GatewayInstance("gw-1", "host-a", "0.1.0", STARTED, STARTED);
        inTransaction(repository -> repository.save(instance));
        Instant later = STARTED.plus(30, ChronoUnit.SECONDS);

        // when
        inTransaction(repository -> repository.save(instance.seenAt(later)));

        // then
        assertThat(read(JpaGatewayInstanceRepository::findAll)).containsExactly(instance.seenAt(later));
    }

    @Test
    void should_list_instances_most_recently_seen_first() {
        // given
        GatewayInstance older = new GatewayInstance("gw-old", "host-a", "0.1.0", STARTED, STARTED);
        GatewayInstance newer = new GatewayInstance("gw-new", "host-b", "0.1.0", STARTED, STARTED.plusSeconds(60));
        inTransaction(repository -> {
            repository.save(older);
            repository.save(newer);
        });

        // expect
        assertThat(read(JpaGatewayInstanceRepository::findAll)).containsExactly(newer, older);
    }

    @Test
    void should_find_nothing_for_an_unknown_id() {
        // when
        Optional<GatewayInstance> found = read(repository -> repository.findById("missing"));

        // then
        assertThat(found).isEmpty();
    }

    private void inTransaction(Consumer<JpaGatewayInstanceRepository> work) {
        read(repository -> {
            work.accept(repository);
            return null;
        });
    }

    private <T> T read(Function<JpaGatewayInstanceRepository, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(new JpaGatewayInstanceRepository(entityManager));
            entityManager.getTransaction().commit();
            return result;
        } finally {
            entityManager.close();
        }
    }
}
