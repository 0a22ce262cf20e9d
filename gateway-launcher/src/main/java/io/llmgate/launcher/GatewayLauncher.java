package io.llmgate.launcher;

import io.llmgate.core.config.ConfigException;
import io.llmgate.core.config.ConfigLoader;
import io.llmgate.persistence.datasource.DatabaseSettings;
import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.launcher.PayaraMicroCommand.DatabaseAddress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The development run command ({@code ./mvnw -Prun -DskipTests verify}). Uses the configured database if
 * there is one (same precedence as the gateway: {@code gw.db.*}, {@code GW_DB_*}, {@code DATABASE_URL},
 * {@code general_settings.database_url}), else starts {@link PersistentPostgres}; then runs Payara Micro
 * with the WAR as a child process sharing this console. Exits with the server's exit code; on Ctrl+C or
 * SIGTERM it stops the server first and PostgreSQL second.
 */
public final class GatewayLauncher {
    private static final System.Logger LOG = System.getLogger(GatewayLauncher.class.getName());
    private static final long SERVER_STOP_SECONDS = 30;
    private static final int DEPLOYMENT_FAILED = 3;

    private final LaunchSettings settings;
    private PersistentPostgres postgres;
    private Process server;
    private volatile boolean gaveUp;

    GatewayLauncher(LaunchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new GatewayLauncher(LaunchSettings.from(args, System::getenv)).run();
        } catch (LaunchException e) {
            System.err.println("LLMGate launcher: " + e.getMessage());
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    int run() {
        long startNanos = System.nanoTime();
        checkPreconditions();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "llmgate-launcher-stop"));
        exitWithParent();
        Optional<DatabaseSettings> configured = configuredDatabase();
        configured.ifPresent(database -> LOG.log(System.Logger.Level.INFO, "Database: {0}; no embedded PostgreSQL", database));
        Optional<DatabaseAddress> embedded = configured.isPresent() ? Optional.empty() : Optional.of(startEmbeddedDatabase());
        PayaraMicroCommand command = PayaraMicroCommand.of(settings, Path.of(System.getProperty("java.home"), "bin", "java"),
                bootCommandFile(), embedded);
        Process payara = startServer(command);
        new ReadinessWatch(settings.httpPort(), payara, startNanos, this::giveUp).startInBackground();
        try {
            int exitCode = payara.waitFor();
            if (gaveUp) {
                return DEPLOYMENT_FAILED;
            }
            LOG.log(System.Logger.Level.INFO, "Payara Micro exited with code {0,number,#}", exitCode);
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            stop();
        }
    }

    /**
     * Maven's exec plugin does not stop this process when Maven itself is killed (only Ctrl+C in a terminal
     * reaches both), which would leave the server and PostgreSQL running: follow the parent instead.
     */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            LOG.log(System.Logger.Level.INFO, "Parent process {0,number,#} ended: stopping", parent.pid());
            System.exit(1);
        }));
    }

    private void checkPreconditions() {
        if (!Files.isRegularFile(settings.war())) {
            throw new LaunchException("no WAR at " + settings.war() + " (build it first: ./mvnw -DskipTests package)");
        }
        if (!Files.isRegularFile(settings.payaraJar())) {
            throw new LaunchException("no Payara Micro at " + settings.payaraJar() + " (run with -Prun so Maven copies it)");
        }
        settings.configFile().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new LaunchException("config file " + file + " does not exist (LLMGATE_CONFIG / CONFIG_FILE_PATH)");
        });
        if (inUse(settings.httpPort())) {
            throw new LaunchException("port " + settings.httpPort() + " is already in use (is a gateway running? set PORT to use another)");
        }
    }

    private Optional<DatabaseSettings> configuredDatabase() {
        DatabaseSettingsResolver resolver = new DatabaseSettingsResolver(System::getProperty, System::getenv,
                () -> settings.configFile().flatMap(GatewayLauncher::databaseUrlIn));
        try {
            return resolver.resolve();
        } catch (IllegalArgumentException e) {
            throw new LaunchException(e.getMessage(), e);
        }
    }

    private static Optional<String> databaseUrlIn(Path configFile) {
        try {
            return new ConfigLoader(System::getenv).load(configFile).general().databaseUrl();
        } catch (ConfigException e) {
            // the gateway reports the broken file itself; here it only means "no database_url"
            LOG.log(System.Logger.Level.WARNING, "{0}", e.getMessage());
            return Optional.empty();
        }
    }

    private DatabaseAddress startEmbeddedDatabase() {
        PersistentPostgres started = PersistentPostgres.start(settings.dataDirectory(), settings.postgresPort());
        synchronized (this) {
            postgres = started;
        }
        return new DatabaseAddress(started.jdbcUrl(), PersistentPostgres.USER);
    }

    private Path bootCommandFile() {
        Path file = settings.projectRoot().resolve(PayaraMicroCommand.BOOT_COMMANDS);
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("Payara's boot command file is missing: " + file);
        }
        return file;
    }

    private Process startServer(PayaraMicroCommand command) {
        ProcessBuilder builder = new ProcessBuilder(command.command()).inheritIO().directory(settings.projectRoot().toFile());
        builder.environment().putAll(command.environment());
        LOG.log(System.Logger.Level.INFO, "Starting Payara Micro: {0}", String.join(" ", command.command()));
        try {
            synchronized (this) {
                server = builder.start();
                return server;
            }
        } catch (IOException e) {
            throw new LaunchException("cannot start " + command.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Payara Micro outlives a failed deployment; a run command should not. */
    private void giveUp() {
        gaveUp = true;
        stop();
    }

    /** Idempotent: called by the shutdown hook, after the server exits and when the deployment failed. */
    private synchronized void stop() {
        if (server != null && server.isAlive()) {
            LOG.log(System.Logger.Level.INFO, "Stopping Payara Micro");
            server.destroy();
            try {
                if (!server.waitFor(SERVER_STOP_SECONDS, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            LOG.log(System.Logger.Level.INFO, "Stopping embedded PostgreSQL");
            postgres.close();
            postgres = null;
        }
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException free) {
            return false;
        }
    }
}
