package io.llmgate.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A development PostgreSQL (zonky's binaries) whose data survives restarts: the data directory is kept,
 * {@code initdb} runs only when it is empty, and the {@value #DATABASE} database is created once.
 * Listens on 127.0.0.1 only and trusts local logins. zonky starts the server with fsync off, which is
 * fine for development data and not meant for anything else. As root, zonky wraps initdb and pg_ctl in
 * {@code unshare -U} itself.
 */
final class PersistentPostgres implements AutoCloseable {
    static final String DATABASE = "llmgate";
    static final String USER = "postgres";
    private static final System.Logger LOG = System.getLogger(PersistentPostgres.class.getName());

    private final EmbeddedPostgres postgres;
    private final int port;

    private PersistentPostgres(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static PersistentPostgres start(Path dataDirectory, int port) {
        boolean fresh = !Files.isRegularFile(dataDirectory.resolve("PG_VERSION"));
        stopLeftover(dataDirectory);
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            Path log = dataDirectory.resolveSibling("postgres.log");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("embedded PostgreSQL did not start on port " + port + " with data in " + dataDirectory
                    + ": " + e.getMessage() + " (another program on that port? set LLMGATE_PG_PORT; server log: "
                    + dataDirectory.resolveSibling("postgres.log") + ")", e);
        }
        PersistentPostgres started = new PersistentPostgres(postgres, port);
        started.createDatabaseOnce();
        LOG.log(System.Logger.Level.INFO, "Embedded PostgreSQL {0} on 127.0.0.1:{1,number,#}, data in {2}",
                fresh ? "initialised and started" : "started", port, dataDirectory);
        return started;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL did not stop cleanly: {0}", e.getMessage());
        }
    }

    private void createDatabaseOnce() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new LaunchException("cannot create database " + DATABASE + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * A launcher killed without its shutdown hook (kill -9) leaves PostgreSQL running on this data directory,
     * and a second server on it would refuse to start: stop the leftover, identified by its postmaster.pid.
     */
    private static void stopLeftover(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (leftover.isEmpty()) {
            return;
        }
        long pid = leftover.get().pid();
        LOG.log(System.Logger.Level.WARNING, "Stopping PostgreSQL left running on {0} by an earlier run (pid {1,number,#})", dataDirectory, pid);
        fastShutdown(pid);
        try {
            leftover.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            throw new LaunchException("PostgreSQL (pid " + pid + ") still runs on " + dataDirectory + "; stop it and try again");
        }
    }

    /** SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for clients that may be gone for good). */
    private static void fastShutdown(long pid) {
        try {
            new ProcessBuilder(List.of("kill", "-INT", Long.toString(pid))).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
