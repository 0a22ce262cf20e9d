package io.llmgate.persistence.health;

import io.llmgate.core.health.DatabaseStatus;
import io.llmgate.core.health.DatabaseStatus.State;
import io.llmgate.persistence.FreshDatabase;
import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.persistence.datasource.GatewayDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcDatabaseProbeTest {

    @Test
    void should_report_connected_when_postgres_answers() {
        // given
        FreshDatabase database = FreshDatabase.create();
        JdbcDatabaseProbe probe = new JdbcDatabaseProbe(database.dataSource(), database.resolver());

        // when
        DatabaseStatus status = probe.probe();

        // then
        assertThat(status.state()).isEqualTo(State.CONNECTED);
        assertThat(status.detail()).isEqualTo(database.jdbcUrl());
    }

    @Test
    void should_report_unreachable_without_secrets_when_nothing_listens() throws IOException {
        // given a port that was free a moment ago
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettingsResolver resolver = env(Map.of("DATABASE_URL", "postgres://gw:hunter2@127.0.0.1:" + closedPort + "/gateway"));
        JdbcDatabaseProbe probe = new JdbcDatabaseProbe(new GatewayDataSource(resolver), resolver);

        // when
        DatabaseStatus status = probe.probe();

        // then
        assertThat(status.state()).isEqualTo(State.UNREACHABLE);
        assertThat(status.detail())
                .startsWith("jdbc:postgresql://127.0.0.1:" + closedPort + "/gateway: ")
                .contains("refused")
                .doesNotContain("hunter2");
    }

    @Test
    void should_report_not_configured_when_no_database_is_set() {
        // given
        DatabaseSettingsResolver resolver = env(Map.of());
        JdbcDatabaseProbe probe = new JdbcDatabaseProbe(new GatewayDataSource(resolver), resolver);

        // when
        DatabaseStatus status = probe.probe();

        // then
        assertThat(status.state()).isEqualTo(State.NOT_CONFIGURED);
        assertThat(status.detail()).isEqualTo("no database configured");
    }

    @Test
    void should_report_an_invalid_url_as_unreachable_without_repeating_it() {
        // given
        DatabaseSettingsResolver resolver = env(Map.of("DATABASE_URL", "mysql://root:hunter2@db/x"));
        JdbcDatabaseProbe probe = new JdbcDatabaseProbe(new GatewayDataSource(resolver), resolver);

        // when
        DatabaseStatus status = probe.probe();

        // then
        assertThat(status.state()).isEqualTo(State.UNREACHABLE);
        assertThat(status.detail()).startsWith("env DATABASE_URL: ").doesNotContain("hunter2");
    }

    @Test
    void should_report_a_rejected_login_without_the_password() {
        // given a user the server does not know
        FreshDatabase database = FreshDatabase.create();
        DatabaseSettingsResolver resolver = env(Map.of("GW_DB_URL", database.jdbcUrl(), "GW_DB_USER", "nobody_" + ProcessHandle.current().pid(),
                "GW_DB_PASSWORD", "hunter2"));
        JdbcDatabaseProbe probe = new JdbcDatabaseProbe(new GatewayDataSource(resolver), resolver);

        // when
        DatabaseStatus status = probe.probe();

        // then
        assertThat(status.state()).isEqualTo(State.UNREACHABLE);
        assertThat(status.detail()).contains("nobody_").doesNotContain("hunter2");
    }

    private static DatabaseSettingsResolver env(Map<String, String> env) {
        return new DatabaseSettingsResolver(name -> null, env::get, Optional::empty);
    }
}
