package io.llmgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one benchmark run does, read from {@code -Dbench.*} system properties (the {@code bench}
 * Maven profile passes each one). Empty values mean "not set".
 *
 * @param rates          request rates (per second) of the non-streaming runs, each run direct then through the gateway
 * @param duration       length of each measured run
 * @param warmup         length of the gateway warm-up, ramping up to the highest rate (results discarded)
 * @param streamRate     request rate of the streaming runs
 * @param streamDuration length of each streaming run
 * @param repeat         how many times the whole set of measured runs is repeated (to see run-to-run variance)
 * @param gatewayUrl     an already running gateway to measure instead of starting one
 * @param gatewayPid     that gateway's process id, for its CPU time (optional)
 * @param gatewayPort    port for the gateway this tool starts; 0 = a free one
 * @param upstreamPort   port of the in-process fake upstream; 0 = a free one
 * @param gatewayJvmArgs JVM options of the gateway process, space separated
 * @param gatewayCpus    {@code taskset -c} CPU list for the gateway process; empty = no pinning
 * @param loadCpus       {@code taskset -c} CPU list for this JVM (load generator and fake upstream); empty = no pinning
 * @param jfr            after the measured runs, one more gateway run under JFR, summarized in the report
 * @param lateThreshold  a request issued later than this after its scheduled time counts as "late"
 * @param timeout        response timeout; slower requests count as errors
 * @param quietWait      before each measured run, wait up to this long for other processes to leave the CPUs idle
 */
record BenchOptions(
        List<Integer> rates,
        Duration duration,
        Duration warmup,
        int streamRate,
        Duration streamDuration,
        int repeat,
        Optional<String> gatewayUrl,
        OptionalLong gatewayPid,
        int gatewayPort,
        int upstreamPort,
        List<String> gatewayJvmArgs,
        Optional<String> gatewayCpus,
        Optional<String> loadCpus,
        boolean jfr,
        Duration lateThreshold,
        Duration timeout,
        Duration quietWait,
        Path war,
        Path postBootCommands,
        Path payaraJar,
        Path outDir) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                Arrays.stream(text("bench.rates").orElse("200,500").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(),
                duration("bench.duration", "30s"),
                duration("bench.warmup", "60s"),
                Integer.parseInt(text("bench.streamRate").orElse("50")),
                duration("bench.streamDuration", "20s"),
                Integer.parseInt(text("bench.repeat").orElse("1")),
                text("bench.gatewayUrl").map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                text("bench.gatewayPid").map(pid -> OptionalLong.of(Long.parseLong(pid))).orElse(OptionalLong.empty()),
                Integer.parseInt(text("bench.gatewayPort").orElse("0")),
                Integer.parseInt(text("bench.upstreamPort").orElse("0")),
                List.of(text("bench.gatewayJvmArgs").orElse("-Xmx1g").trim().split("\\s+")),
                text("bench.gatewayCpus"),
                text("bench.loadCpus"),
                Boolean.parseBoolean(text("bench.jfr").orElse("false")),
                duration("bench.lateThreshold", "1ms"),
                duration("bench.timeout", "10s"),
                duration("bench.quietWait", "120s"),
                Path.of(text("bench.war").orElse("../gateway-web/target/llmgate.war")),
                Path.of(text("bench.postBoot").orElse("../gateway-web/src/main/payara/post-boot-commands.asadmin")),
                Path.of(text("bench.payaraJar").orElse("target/payara-micro.jar")),
                Path.of(text("bench.outDir").orElse("target/bench")));
    }

    int maxRate() {
        return rates.stream().mapToInt(Integer::intValue).max().orElse(streamRate);
    }

    private static Optional<String> text(String property) {
        return Optional.ofNullable(System.getProperty(property)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Duration duration(String property, String fallback) {
        return parseDuration(property, text(property).orElse(fallback));
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or a bare number of seconds. */
    static Duration parseDuration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: e.g. 500ms, 30s, 2m)", e);
        }
    }
}
