package io.llmgate.persistence.datasource;

import io.llmgate.persistence.FreshDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayDataSourceTest {

    @Test
    void should_connect_to_the_database_named_by_system_properties() throws SQLException {
        // given
        FreshDatabase database = FreshDatabase.create();
        System.setProperty("gw.db.url", database.jdbcUrl());
        System.setProperty("gw.db.user", database.user());
        try {
            GatewayDataSource dataSource = new GatewayDataSource();

            // when
            String current;
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select current_database(), current_setting('application_name')")) {
                rows.next();
                current = rows.getString(1) + " " + rows.getString(2);
            }

            // then
            assertThat(database.jdbcUrl()).endsWith("/" + current.split(" ")[0]);
            assertThat(current).endsWith(" llmgate");
        } finally {
            System.clearProperty("gw.db.url");
            System.clearProperty("gw.db.user");
        }
    }

    @Test
    void should_use_the_configured_credentials_when_a_pool_passes_none() throws SQLException {
        // given
        GatewayDataSource dataSource = FreshDatabase.create().dataSource();

        // when
        try (Connection connection = dataSource.getConnection("", null)) {
            // then
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void should_refuse_connections_when_no_database_is_configured() {
        // given
        GatewayDataSource dataSource = new GatewayDataSource(
                new DatabaseSettingsResolver(name -> null, name -> null, Optional::empty));

        // expect
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessage("no database configured");
    }

    @Test
    void should_accept_and_ignore_the_properties_a_server_sets() throws SQLException {
        // given
        GatewayDataSource dataSource = FreshDatabase.create().dataSource();

        // when
        dataSource.setURL("jdbc:postgresql://annotation-placeholder/none");
        dataSource.setUrl("jdbc:postgresql://annotation-placeholder/none");
        dataSource.setUser("ignored");
        dataSource.setPassword("ignored");
        dataSource.setServerName("localhost");
        dataSource.setPortNumber(1);

        // then
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void should_keep_the_password_out_of_the_url_the_driver_reports() throws SQLException {
        // given (the embedded server trusts every login, so any password connects)
        FreshDatabase database = FreshDatabase.create();
        GatewayDataSource dataSource = new GatewayDataSource(new DatabaseSettingsResolver(name -> null,
                Map.of("GW_DB_URL", database.jdbcUrl(), "GW_DB_USER", database.user(), "GW_DB_PASSWORD", "hunter2")::get,
                Optional::empty));

        // when Flyway and Hibernate log the connection's URL
        String reported;
        try (Connection connection = dataSource.getConnection()) {
            reported = connection.getMetaData().getURL();
        }

        // then
        assertThat(reported).startsWith(database.jdbcUrl()).doesNotContain("hunter2");
    }
}
