package io.llmgate.persistence.migration;

import io.llmgate.persistence.FreshDatabase;
import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.persistence.datasource.GatewayDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigratorTest {

    @Test
    void should_create_the_gateway_tables_on_an_empty_database() throws SQLException {
        // given
        DataSource dataSource = FreshDatabase.create().dataSource();

        // when
        String version = new SchemaMigrator(dataSource).migrate();

        // then
        assertThat(version).isEqualTo("2");
        assertThat(columnsOf(dataSource, "gateway_instance"))
                .containsExactly("instance_id text", "host text", "version text",
                        "started_at timestamp with time zone", "last_seen_at timestamp with time zone");
        assertThat(columnsOf(dataSource, "proxy_model"))
                .containsExactly("model_id text", "model_name text", "litellm_params jsonb", "model_info jsonb",
                        "created_at timestamp with time zone", "updated_at timestamp with time zone");
    }

    @Test
    void should_change_nothing_when_run_again() throws SQLException {
        // given
        DataSource dataSource = FreshDatabase.create().dataSource();
        new SchemaMigrator(dataSource).migrate();

        // when
        String version = new SchemaMigrator(dataSource).migrate();

        // then
        assertThat(version).isEqualTo("2");
        assertThat(count(dataSource, "select count(*) from flyway_schema_history where success")).isEqualTo(2);
    }

    @Test
    void should_fail_with_a_clear_message_when_a_migration_fails() {
        // given
        DataSource dataSource = FreshDatabase.create().dataSource();

        // expect
        assertThatThrownBy(() -> new SchemaMigrator(dataSource, "classpath:db/broken-migration").migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageStartingWith("Database schema migration failed: ")
                .hasMessageContaining("V1__broken.sql");
    }

    @Test
    void should_name_the_reason_when_the_database_cannot_be_reached() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DataSource unreachable = new GatewayDataSource(new DatabaseSettingsResolver(name -> null,
                Map.of("DATABASE_URL", "postgres://gw:hunter2@127.0.0.1:" + closedPort + "/gateway")::get, Optional::empty));

        // expect
        assertThatThrownBy(() -> new SchemaMigrator(unreachable).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("refused")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void should_refuse_a_database_that_holds_other_tables_but_no_migration_history() throws SQLException {
        // given
        DataSource dataSource = FreshDatabase.create().dataSource();
        execute(dataSource, "create table someone_elses (id int)");

        // expect
        assertThatThrownBy(() -> new SchemaMigrator(dataSource).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("non-empty schema");
    }

    private static List<String> columnsOf(DataSource dataSource, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select column_name, data_type from information_schema.columns"
                        + " where table_name = '" + table + "' order by ordinal_position")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return columns;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
