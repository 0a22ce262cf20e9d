package io.llmgate.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PersistentPostgresTest {
    @TempDir
    Path directory;

    @Test
    void should_keep_data_across_restarts_on_the_same_directory() throws Exception {
        // given
        Path data = directory.resolve("pgdata");
        int port = freePort();
        try (PersistentPostgres first = PersistentPostgres.start(data, port)) {
            execute(first.jdbcUrl(), "create table survivor (id int); insert into survivor values (42)");
        }

        // when
        long survivors;
        try (PersistentPostgres second = PersistentPostgres.start(data, port)) {
            survivors = count(second.jdbcUrl(), "select count(*) from survivor where id = 42");
        }

        // then
        assertThat(survivors).isEqualTo(1);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PersistentPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PersistentPostgres.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
