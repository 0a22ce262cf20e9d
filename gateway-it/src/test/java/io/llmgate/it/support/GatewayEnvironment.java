package io.llmgate.it.support;

import io.llmgate.testkit.db.TestPostgres;
import io.llmgate.testkit.provider.ProviderFake;
import io.llmgate.testkit.upstream.FakeOpenAiUpstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every deployed gateway of this test JVM talks to: the fake OpenAI upstream, an embedded
 * PostgreSQL and the config.yaml naming them. {@link #start()} publishes their coordinates as system
 * properties ({@code llmgate.config}, {@code gw.db.url}, {@code gw.db.user}, {@code gw.db.password})
 * that {@code arquillian.xml} passes on to the server JVM. Test classes reach the upstream through
 * {@link #upstream()}; the settings the build passes in ({@code llmgate.it.*}) are read here too.
 */
public final class GatewayEnvironment {

    private static FakeOpenAiUpstream upstream;
    private static final Map<String, ProviderFake> providers = new LinkedHashMap<>();

    private GatewayEnvironment() {
    }

    static synchronized void start() {
        if (upstream != null) {
            return;
        }
        prepareTempDirectory();
        deleteOldServerLogs();
        FakeOpenAiUpstream fake = FakeOpenAiUpstream.start();
        TestPostgres postgres = TestPostgres.shared();
        String jdbcUrl = postgres.createDatabase("llmgate");
        StringBuilder providerModels = new StringBuilder();
        for (ProviderDeployment deployment : ProviderDeployments.ALL) {
            ProviderFake provider = deployment.start().get();
            providers.put(deployment.name(), provider);
            providerModels.append(deployment.modelList().apply(provider.apiBase()).stripTrailing()).append('\n');
        }
        Path config = GatewayConfigFile.write(
                workDir().resolve("it-" + launch()).resolve("config.yaml"), fake.baseUrl(), closedPort(),
                providerModels.toString());

        System.setProperty("llmgate.config", config.toString());
        System.setProperty("gw.db.url", jdbcUrl);
        System.setProperty("gw.db.user", postgres.user());
        System.setProperty("gw.db.password", postgres.password());
        upstream = fake;
    }

    static synchronized void stop() {
        if (upstream != null) {
            upstream.close();
            upstream = null;
        }
        providers.values().forEach(ProviderFake::close);
        providers.clear();
        // the shared PostgreSQL stops with the JVM
    }

    /** The fake upstream every configured deployment points at (except {@code dead-upstream}). */
    public static synchronized FakeOpenAiUpstream upstream() {
        if (upstream == null) {
            throw new IllegalStateException("the IT environment is not started: is "
                    + GatewayEnvironmentListener.class.getName() + " registered in META-INF/services?");
        }
        return upstream;
    }

    /** The fake registered as {@code name} in {@link ProviderDeployments#ALL}. */
    public static synchronized ProviderFake provider(String name) {
        upstream();
        ProviderFake provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no provider fake named " + name + " in ProviderDeployments.ALL");
        }
        return provider;
    }

    /** The WAR under test, {@code gateway-web/target/llmgate.war}. */
    public static Path war() {
        Path war = Path.of(requiredProperty("llmgate.it.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " does not exist: build gateway-web first");
        }
        return war;
    }

    /** The server's log file; Payara Micro's file handler writes it with a generation suffix ({@code .0}). */
    public static Path serverLog() {
        return Path.of(requiredProperty("llmgate.it.serverLog"));
    }

    /** {@code payara} or {@code wildfly}. */
    public static String launch() {
        return System.getProperty("arquillian.launch", "server");
    }

    private static Path workDir() {
        return Path.of(System.getProperty("llmgate.it.workDir", "target"));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run the tests with mvn verify)");
        }
        return value;
    }

    /**
     * The build points java.io.tmpdir into target/; create it, and drop the WAR copies the Payara adapter
     * left there on earlier runs (it never deletes its {@code arquillian-payara-micro*} directories).
     */
    private static void prepareTempDirectory() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(tmp);
            try (Stream<Path> leftovers = Files.list(tmp)) {
                leftovers.filter(path -> path.getFileName().toString().startsWith("arquillian-payara-micro"))
                        .forEach(GatewayEnvironment::deleteTree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + tmp, e);
        }
    }

    /** Each run scans only the log its own requests produced. */
    private static void deleteOldServerLogs() {
        ServerLog.files().forEach(GatewayEnvironment::deleteTree);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** A loopback port nobody listens on: bound once to pick it, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free port", e);
        }
    }
}
