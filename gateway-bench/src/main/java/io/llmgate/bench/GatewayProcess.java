package io.llmgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The gateway under test: either a Payara Micro child process this tool starts with the WAR (output
 * to {@code gateway.log}, GC pauses to {@code gateway-gc.log}), or a gateway started elsewhere,
 * known by its URL and optionally its process id.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String baseUrl;
    private final OptionalLong pid;
    private final Optional<Path> gcLog;
    private final Process process;

    private GatewayProcess(String baseUrl, OptionalLong pid, Optional<Path> gcLog, Process process) {
        this.baseUrl = baseUrl;
        this.pid = pid;
        this.gcLog = gcLog;
        this.process = process;
    }

    /** A gateway started elsewhere; {@code pid}, when known, gives its CPU time. */
    static GatewayProcess external(String baseUrl, OptionalLong pid) {
        return new GatewayProcess(baseUrl, pid, Optional.empty(), null);
    }

    /** Starts Payara Micro with the WAR and {@code config}, and waits until {@code /health/liveliness} answers 200. */
    static GatewayProcess start(BenchOptions options, Path config) throws IOException, InterruptedException {
        for (Path required : List.of(options.war(), options.payaraJar(), options.postBootCommands())) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException(required.toAbsolutePath() + " does not exist (build the WAR and "
                        + "run with -Pbench so the Payara Micro jar is copied)");
            }
        }
        int port = options.gatewayPort() != 0 ? options.gatewayPort() : freePort();
        Path log = options.outDir().resolve("gateway.log");
        Path gcLog = options.outDir().resolve("gateway-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        options.gatewayCpus().ifPresent(cpus -> command.addAll(List.of("taskset", "-c", cpus)));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.gatewayJvmArgs());
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":uptime");
        if (options.jfr()) { // Payara's stacks are deeper than JFR's default 64 frames
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        command.add("-Dllmgate.config=" + config.toAbsolutePath());
        command.addAll(List.of("-jar", options.payaraJar().toAbsolutePath().toString(),
                "--deploy", options.war().toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(port),
                "--nocluster",
                "--nohazelcast",
                "--postbootcommandfile", options.postBootCommands().toAbsolutePath().toString()));
        Files.writeString(options.outDir().resolve("gateway-command.txt"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GatewayProcess gateway = new GatewayProcess("http://127.0.0.1:" + port, OptionalLong.of(process.pid()),
                Optional.of(gcLog), process);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "stop-gateway"));
        gateway.awaitLive(log);
        return gateway;
    }

    private void awaitLive(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail(log));
            }
            if (liveliness() == 200) {
                return;
            }
            if (deploymentFailed(log)) { // Payara stays up without the app: no point waiting
                throw new IllegalStateException("the WAR failed to deploy; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gateway did not answer " + baseUrl + "/health/liveliness within "
                + START_TIMEOUT + "; see " + log + ":\n" + tail(log));
    }

    /** Status of {@code GET /health/liveliness}, or -1 when nothing answers. */
    int liveliness() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + "/health/liveliness").openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    OptionalLong pid() {
        return pid;
    }

    Optional<Path> gcLog() {
        return gcLog;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean deploymentFailed(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("Exception while loading the app");
        } catch (IOException | UncheckedIOException e) { // not written yet, or not UTF-8 yet
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }
}
