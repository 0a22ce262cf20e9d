package io.llmgate.bench;

import io.llmgate.testkit.provider.anthropic.FakeAnthropic;
import io.llmgate.testkit.upstream.FakeOpenAiUpstream;
import io.llmgate.testkit.upstream.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the latency and CPU the gateway adds: the same constant-rate load goes straight to an
 * in-process fake OpenAI upstream, then through the gateway to it, back to back, for each rate;
 * then the same for streams, timing the first byte and every chunk. Options: {@link BenchOptions}.
 *
 * <p>Order: start the fake upstream and the gateway, warm both up, then per repetition: for each
 * rate, direct then gateway; streaming direct then gateway; optionally one more gateway run under
 * JFR; write the report.
 */
public final class GatewayBenchmark {
    static final int STREAM_CHUNKS = 8;
    static final Duration STREAM_INTERVAL = Duration.ofMillis(20);
    private static final String MASTER_KEY = "sk-bench-master";
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Target name of the runs through the Anthropic adapter (translation both ways). */
    static final String TRANSLATED = "gateway-anthropic";

    private final BenchOptions options;
    private final Measurement measurement;
    private final LoadClient.Target direct;
    private final LoadClient.Target viaGateway;
    private final LoadClient.Target viaGatewayTranslated;
    private final GatewayProcess gateway;

    private GatewayBenchmark(BenchOptions options, FakeOpenAiUpstream upstream, GatewayProcess gateway,
                             LoadClient client) {
        this.options = options;
        this.gateway = gateway;
        this.measurement = new Measurement(options, client, gateway);
        this.direct = LoadClient.Target.of("direct", upstream.baseUrl(), Optional.empty());
        this.viaGateway = LoadClient.Target.of("gateway", gateway.baseUrl() + "/v1", Optional.of(MASTER_KEY));
        this.viaGatewayTranslated = LoadClient.Target.of(TRANSLATED, gateway.baseUrl() + "/v1", Optional.of(MASTER_KEY));
    }

    public static void main(String[] args) throws Exception {
        // The JDK server under the fake upstream silently closes keep-alive connections beyond this many idle
        // ones (the test kit's default is 1024). A gateway that falls behind opens more than that, and would then
        // answer 502 for requests sent on the closed ones: a property of the fake, not what we measure.
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "100000"));
        BenchOptions options = BenchOptions.fromSystemProperties();
        Files.createDirectories(options.outDir());
        options.loadCpus().ifPresent(GatewayBenchmark::pinThisJvm);
        try (FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start(options.upstreamPort());
             FakeAnthropic anthropic = FakeAnthropic.start()) {
            forgetRequestsEverySecond(upstream::clearRequests);
            forgetRequestsEverySecond(anthropic::reset);
            upstream.script(GatewayConfigFile.STREAM_MODEL, Scenario.stream(STREAM_CHUNKS, STREAM_INTERVAL));
            Path config = GatewayConfigFile.write(options.outDir(), upstream.baseUrl(), anthropic.apiBase(), MASTER_KEY);
            log("fake upstream at " + upstream.baseUrl() + "; gateway config " + config.toAbsolutePath());
            try (GatewayProcess gateway = gateway(options, config);
                 LoadClient client = new LoadClient(options.timeout())) {
                log("gateway at " + gateway.baseUrl() + (gateway.pid().isPresent() ? " (pid " + gateway.pid().getAsLong() + ")" : ""));
                new GatewayBenchmark(options, upstream, gateway, client).run();
            }
        }
        System.exit(0);
    }

    private static GatewayProcess gateway(BenchOptions options, Path config) throws IOException, InterruptedException {
        if (options.gatewayUrl().isPresent()) {
            log("measuring the gateway at " + options.gatewayUrl().get() + "; it must use a config like " + config);
            return GatewayProcess.external(options.gatewayUrl().get(), options.gatewayPid());
        }
        log("starting the gateway (Payara Micro), log in " + options.outDir().resolve("gateway.log"));
        long start = System.nanoTime();
        GatewayProcess gateway = GatewayProcess.start(options, config);
        log(String.format(Locale.ROOT, "gateway live after %.1f s", (System.nanoTime() - start) / 1e9));
        return gateway;
    }

    private void run() throws Exception {
        byte[] chat = RequestBodies.chat(GatewayConfigFile.CHAT_MODEL, false);
        byte[] stream = RequestBodies.chat(GatewayConfigFile.STREAM_MODEL, true);
        byte[] translated = RequestBodies.chat(GatewayConfigFile.ANTHROPIC_MODEL, false);
        Optional<JfrProfile> jfr = startRecording();
        warmUp(chat, stream, translated);
        List<RunResult> runs = new ArrayList<>();
        List<StreamResult> streams = new ArrayList<>();
        for (int repetition = 1; repetition <= options.repeat(); repetition++) {
            for (int rate : options.rates()) {
                measurement.awaitQuietMachine();
                runs.add(print(measurement.chat(direct, false, chat, rate, options.duration(), repetition)));
                settle();
                measurement.awaitQuietMachine();
                runs.add(print(measurement.chat(viaGateway, true, chat, rate, options.duration(), repetition)));
                settle();
                if (rate == options.rates().get(0)) {
                    measurement.awaitQuietMachine();
                    runs.add(print(measurement.chat(viaGatewayTranslated, true, translated, rate, options.duration(),
                            repetition)));
                    settle();
                }
            }
            measurement.awaitQuietMachine();
            streams.add(print(measurement.stream(direct, false, stream, options.streamRate(), options.streamDuration(),
                    repetition, STREAM_CHUNKS, STREAM_INTERVAL)));
            settle();
            measurement.awaitQuietMachine();
            streams.add(print(measurement.stream(viaGateway, true, stream, options.streamRate(),
                    options.streamDuration(), repetition, STREAM_CHUNKS, STREAM_INTERVAL)));
            settle();
        }
        Optional<JfrProfile.Summary> profile = jfr.isPresent() ? Optional.of(profile(jfr.get(), chat)) : Optional.empty();
        new ReportWriter(environment(), runs, streams, profile).write(options.outDir());
        log("report written to " + options.outDir().resolve("report.md").toAbsolutePath());
    }

    /**
     * The JIT compiles the gateway's hot paths only under sustained load; results are discarded. The
     * gateway's share ramps up (a quarter, half, then the full rate, a third of the time each): a cold
     * gateway hit with the full rate at once falls behind, and the backlog takes long to drain.
     */
    private void warmUp(byte[] chat, byte[] stream, byte[] translated) throws InterruptedException {
        if (options.warmup().isZero()) {
            return;
        }
        int rate = options.maxRate();
        Duration directWarmup = options.warmup().compareTo(Duration.ofSeconds(10)) < 0 ? options.warmup()
                : Duration.ofSeconds(10);
        log("warm-up: direct " + directWarmup.toSeconds() + " s at " + rate + " RPS, gateway " + options.warmup().toSeconds()
                + " s ramping to " + rate + " RPS, streams 5 s each");
        summary("warm-up", measurement.chat(direct, false, chat, rate, directWarmup, 0));
        Duration stage = options.warmup().dividedBy(3);
        for (int divisor : new int[] {4, 2, 1}) {
            summary("warm-up", measurement.chat(viaGateway, true, chat, Math.max(1, rate / divisor), stage, 0));
        }
        summary("warm-up", measurement.chat(viaGatewayTranslated, true, translated, options.rates().get(0), stage, 0));
        summary("warm-up", measurement.stream(direct, false, stream, options.streamRate(), Duration.ofSeconds(5), 0,
                STREAM_CHUNKS, STREAM_INTERVAL));
        summary("warm-up", measurement.stream(viaGateway, true, stream, options.streamRate(), Duration.ofSeconds(5), 0,
                STREAM_CHUNKS, STREAM_INTERVAL));
        settle();
    }

    /**
     * With {@code bench.jfr}, the gateway records from before the warm-up on: starting a recording
     * throws away compiled code, and the warm-up compiles it again before anything is measured.
     */
    private Optional<JfrProfile> startRecording() throws IOException, InterruptedException {
        if (!options.jfr()) {
            return Optional.empty();
        }
        if (gateway.pid().isEmpty()) {
            log("no gateway pid: no JFR profile");
            return Optional.empty();
        }
        JfrProfile jfr = new JfrProfile(gateway.pid().getAsLong(), options.outDir().resolve("gateway-profile.jfr"));
        jfr.start();
        log("JFR recording in the gateway (all runs below carry its overhead); profiled run at the end");
        return Optional.of(jfr);
    }

    /** One more gateway run at the highest rate, whose samples are analysed. */
    private JfrProfile.Summary profile(JfrProfile jfr, byte[] chat) throws Exception {
        measurement.awaitQuietMachine();
        java.time.Instant from = java.time.Instant.now();
        summary("profiled run (not in the tables)",
                measurement.chat(viaGateway, true, chat, options.maxRate(), options.duration(), 0));
        jfr.stop();
        return jfr.summarize(from);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("date", ZonedDateTime.now().toString());
        env.put("machine", Runtime.getRuntime().availableProcessors() + " CPUs shared by the load generator, the "
                + "fake upstream (same JVM) and the gateway; " + os());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("gateway", options.gatewayUrl().isPresent() ? "external " + options.gatewayUrl().get()
                : "Payara Micro " + options.payaraJar().getFileName() + ", JVM " + String.join(" ", options.gatewayJvmArgs())
                + ", WAR " + options.war().toAbsolutePath().normalize());
        env.put("pinning", "gateway " + options.gatewayCpus().map(c -> "taskset -c " + c).orElse("not pinned")
                + "; load generator " + options.loadCpus().map(c -> "taskset -c " + c).orElse("not pinned"));
        env.put("runs", "rates " + options.rates() + " RPS x " + options.duration().toSeconds() + " s, direct then "
                + "gateway; warm-up " + options.warmup().toSeconds() + " s at " + options.maxRate() + " RPS; streams "
                + options.streamRate() + " RPS x " + options.streamDuration().toSeconds() + " s (" + STREAM_CHUNKS
                + " chunks " + STREAM_INTERVAL.toMillis() + " ms apart); repetitions " + options.repeat()
                + (options.jfr() ? "; JFR recording in the gateway during all runs (2 ms sampling)" : "")
                + "; late = sent > " + options.lateThreshold().toMillis() + " ms after its due time; timeout "
                + options.timeout().toSeconds() + " s");
        env.put("CPU accounting", "/proc/<pid>/stat utime+stime, CLK_TCK " + ProcessCpu.ticksPerSecond()
                + "; net of idle = minus the gateway's idle CPU rate measured during the preceding direct run");
        return env;
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private void settle() throws InterruptedException {
        System.gc(); // this JVM only: collect the run's garbage now rather than during the next run
        Thread.sleep(SETTLE.toMillis());
    }

    private static RunResult print(RunResult run) {
        summary("run", run);
        return run;
    }

    private static StreamResult print(StreamResult run) {
        summary("run", run);
        return run;
    }

    private static void summary(String what, RunResult run) {
        Percentiles l = run.latency();
        log(String.format(Locale.ROOT, "%s %-7s %4d RPS: achieved %.1f, p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms,"
                        + " errors %d%s, late %d, gateway CPU %s us/req, load JVM CPU %.0f us/req, other processes %.2f cores",
                what, run.target(), run.rate(), run.achievedRps(), l.p50(), l.p90(), l.p99(), l.p999(), l.max(),
                run.errorCount(), run.errors().isEmpty() ? "" : " " + run.errors() + " e.g. " + run.errorSamples().get(0),
                run.late(),
                run.gatewayCpuUsPerRequest() == null ? "-"
                        : String.format(Locale.ROOT, "%.0f (net %.0f)", run.gatewayCpuUsPerRequest(),
                        run.gatewayNetCpuUsPerRequest()), run.loadCpuUsPerRequest(), run.otherProcessesCores()));
    }

    private static void summary(String what, StreamResult run) {
        log(String.format(Locale.ROOT, "%s stream %-7s %d RPS: TTFB p50 %.2f p99 %.2f ms, total p50 %.2f ms, "
                        + "events/stream %s, separate chunks %d/%d, errors %d%s",
                what, run.target(), run.rate(), run.firstByte().p50(), run.firstByte().p99(), run.total().p50(),
                run.eventsPerStream(), run.separateGaps(), run.expectedGaps(), run.errorCount(),
                run.errors().isEmpty() ? "" : " " + run.errors() + " e.g. " + run.errorSamples().get(0)));
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    /** Pins every thread of this JVM (threads started later inherit it). */
    private static void pinThisJvm(String cpus) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                    Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
            String out = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("taskset is needed for bench.loadCpus", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The fake upstream records every request; at hundreds per second that is garbage the
     * benchmark does not need, so it is dropped every second (on a daemon thread that dies with the JVM).
     */
    /** The fakes record every request; the benchmark sends hundreds of thousands and reads none. */
    private static void forgetRequestsEverySecond(Runnable forget) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "forget-upstream-requests");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(forget, 1, 1, TimeUnit.SECONDS);
    }
}
