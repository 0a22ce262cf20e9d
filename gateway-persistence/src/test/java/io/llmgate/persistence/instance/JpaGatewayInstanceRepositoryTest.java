package io.llmgate.persistence.instance;

import io.llmgate.persistence.TestUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The instance repository on the production persistence unit ({@link TestUnit}). */
class JpaGatewayInstanceRepositoryTest {
    private static final Instant STARTED = Instant.parse("2026-11-22T08:00:00.123456Z");

    private TestUnit unit;

    @BeforeEach
    void bootHibernateOnAMigratedDatabase() {
        unit = TestUnit.onFreshDatabase();
    }

    @AfterEach
    void closeHibernate() {
        unit.close();
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
        return unit.inTransaction(entityManager -> work.apply(new JpaGatewayInstanceRepository(entityManager)));
    }
}
