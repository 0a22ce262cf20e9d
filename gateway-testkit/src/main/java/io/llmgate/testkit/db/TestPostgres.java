package io.llmgate.testkit.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL (zonky) on 127.0.0.1, user {@code postgres} with no password.
 * {@link #start()} gives a private instance the caller closes; {@link #shared()} gives the one
 * instance of this JVM, started on first use and stopped at JVM exit, whose {@link #close()} does
 * nothing so test classes may use try-with-resources on either. Tests on the shared instance
 * stay independent by working in their own database ({@link #createDatabase(String)}).
 *
 * <p>As root, zonky runs initdb and pg_ctl under {@code unshare -U} by itself; the first start
 * extracts the binaries to {@code $TMPDIR/embedded-pg} (1–2 s).
 */
public final class TestPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static TestPostgres shared;

    private final EmbeddedPostgres postgres;
    private final boolean owned;

    private TestPostgres(EmbeddedPostgres postgres, boolean owned) {
        this.postgres = postgres;
        this.owned = owned;
    }

    /** Starts a private instance on a free port; close it when done. */
    public static TestPostgres start() {
        return new TestPostgres(launch(), true);
    }

    /** The JVM-wide instance, started on first call; closing it is a no-op. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            EmbeddedPostgres postgres = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "test-postgres-shutdown"));
            shared = new TestPostgres(postgres, false);
        }
        return shared;
    }

    /** e.g. {@code jdbc:postgresql://127.0.0.1:54321/postgres} */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A data source for the {@code postgres} database. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /**
     * Creates an empty database and returns its JDBC URL. Names are lower-case identifiers
     * ({@code [a-z_][a-z0-9_]*}), which keeps them safe to splice into the SQL.
     */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name: '" + name + "' (expected: " + DATABASE_NAME + ")");
        }
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** Stops a private instance; does nothing for the shared one. */
    @Override
    public void close() {
        if (owned) {
            stop(postgres);
        }
    }

    private static EmbeddedPostgres launch() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
