package io.llmgate.persistence.model;

import io.llmgate.persistence.TestUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored-model repository on the production persistence unit and a real, migrated PostgreSQL. */
class JpaStoredModelRepositoryTest {
    private static final Instant CREATED = Instant.parse("2026-11-22T09:00:00Z");

    private TestUnit unit;

    @BeforeEach
    void boot() {
        unit = TestUnit.onFreshDatabase();
    }

    @AfterEach
    void close() {
        unit.close();
    }

    @Test
    void should_store_read_update_and_delete_a_model_as_json() {
        // given
        StoredModel model = new StoredModel("m-1", "gpt", "{\"model\": \"openai/gpt-4o\", \"api_key\": \"enc:v1:AAAA\"}",
                "{\"mode\": \"chat\"}", CREATED, CREATED);

        // when
        run(repository -> {
            repository.save(model);
            return null;
        });
        StoredModel read = run(repository -> repository.findById("m-1").orElseThrow());

        // then: jsonb normalises the text, so compare as JSON
        assertThat(read.modelName()).isEqualTo("gpt");
        assertThat(read.litellmParams()).contains("\"api_key\": \"enc:v1:AAAA\"").contains("openai/gpt-4o");
        assertThat(read.createdAt()).isEqualTo(CREATED);

        // and an update changes the version other instances poll
        String before = run(JpaStoredModelRepository::version);
        run(repository -> {
            repository.save(new StoredModel("m-1", "gpt", "{\"model\": \"openai/gpt-4.1\"}", "{}", CREATED,
                    CREATED.plusSeconds(5)));
            return null;
        });
        assertThat(run(JpaStoredModelRepository::version)).isNotEqualTo(before);
        assertThat(run(JpaStoredModelRepository::findAll)).singleElement()
                .satisfies(m -> assertThat(m.litellmParams()).contains("gpt-4.1"));

        // and delete removes it once
        boolean deleted = run(repository -> repository.delete("m-1"));
        boolean deletedAgain = run(repository -> repository.delete("m-1"));
        assertThat(deleted).isTrue();
        assertThat(deletedAgain).isFalse();
        assertThat(run(JpaStoredModelRepository::findAll)).isEmpty();
    }

    private <T> T run(Function<JpaStoredModelRepository, T> work) {
        return unit.inTransaction(entityManager -> work.apply(new JpaStoredModelRepository(entityManager)));
    }
}
