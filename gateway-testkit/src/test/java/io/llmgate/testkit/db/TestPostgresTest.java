package io.llmgate.testkit.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTest {

    @Test
    void should_run_a_query_on_a_private_instance() throws Exception {
        // given
        try (TestPostgres postgres = TestPostgres.start()) {
            // when
            int one = selectOne(postgres.jdbcUrl(), postgres);

            // then
            assertThat(one).isEqualTo(1);
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
            assertThat(postgres.user()).isEqualTo("postgres");
            assertThat(postgres.password()).isEmpty();
        }
    }

    @Test
    void should_share_one_instance_that_survives_close() throws Exception {
        // given
        TestPostgres shared = TestPostgres.shared();

        // when
        shared.close();

        // then
        assertThat(TestPostgres.shared()).isSameAs(shared);
        assertThat(selectOne(shared.jdbcUrl(), shared)).isEqualTo(1);
    }

    @Test
    void should_create_an_empty_database_for_one_test() throws Exception {
        // given
        TestPostgres shared = TestPostgres.shared();

        // when
        String url = shared.createDatabase("testkit_" + System.nanoTime());

        // then
        assertThat(selectOne(url, shared)).isEqualTo(1);
    }

    private static int selectOne(String url, TestPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
