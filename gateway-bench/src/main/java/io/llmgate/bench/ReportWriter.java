package io.llmgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the runs into one markdown report (printed and written to {@code report.md}) and the raw
 * numbers into {@code report.json}. Gateway rows are paired with the direct row of the same
 * repetition and rate to show what the gateway adds, and judged against the issue's targets.
 */
final class ReportWriter {
    static final double TARGET_ADDED_P50_MS = 1.0;
    static final double TARGET_ADDED_P99_MS = 5.0;
    static final double TARGET_CPU_US = 300;
    /** Issue 3: translating to and from a provider format may cost this much CPU beyond the pass-through. */
    static final double TARGET_TRANSLATION_US = 100;
    static final double TARGET_ADDED_TTFB_MS = 2.0;
    static final int TARGET_RATE = 500;

    private final Map<String, String> environment;
    private final List<RunResult> runs;
    private final List<StreamResult> streams;
    private final Optional<JfrProfile.Summary> profile;

    ReportWriter(Map<String, String> environment, List<RunResult> runs, List<StreamResult> streams,
                 Optional<JfrProfile.Summary> profile) {
        this.environment = environment;
        this.runs = runs;
        this.streams = streams;
        this.profile = profile;
    }

    void write(Path dir) throws IOException {
        String markdown = markdown();
        System.out.println();
        System.out.println(markdown);
        Files.writeString(dir.resolve("report.md"), markdown);
        // every run also keeps its own copy, to compare runs (variance) after the fact
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path history = Files.createDirectories(dir.resolve("history"));
        Files.writeString(history.resolve("report-" + stamp + ".md"), markdown);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.set("environment", json.valueToTree(environment));
        root.set("runs", json.valueToTree(runs));
        root.set("streams", json.valueToTree(streams));
        profile.ifPresent(summary -> root.set("profile", json.valueToTree(summary)));
        Files.writeString(dir.resolve("report.json"), json.writeValueAsString(root));
        Files.writeString(history.resolve("report-" + stamp + ".json"), json.writeValueAsString(root));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# LLMGate gateway benchmark\n\n");
        environment.forEach((key, value) -> md.append("- **").append(key).append("**: ").append(value).append('\n'));
        md.append("\nLatencies in ms, measured from each request's *scheduled* send time (open model, "
                + "coordinated-omission corrected). CPU in µs of CPU time per finished request.\n");
        chatTables(md);
        translationTable(md);
        threadTable(md);
        streamTables(md);
        profile.ifPresent(summary -> profileSection(md, summary));
        errorSection(md);
        return md.toString();
    }

    private void chatTables(StringBuilder md) {
        if (runs.isEmpty()) {
            return;
        }
        md.append("\n## Non-streaming chat completions\n\n")
                .append("| rep | rate | target | achieved RPS | p50 | p90 | p99 | p99.9 | max | errors | late sends "
                        + "| gateway CPU µs/req (net of idle) | load JVM CPU µs/req | other processes (cores) "
                        + "| gateway GC pauses (n / total / max ms) | gateway allocation (KB/req) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult run : runs) {
            Percentiles l = run.latency();
            md.append(row(run.repetition(), run.rate(), run.target(), f1(run.achievedRps()), f2(l.p50()), f2(l.p90()),
                    f2(l.p99()), f2(l.p999()), f2(l.max()), run.errorCount(),
                    run.late() + " (max lag " + f2(run.maxIssueLagMs()) + ")",
                    run.gatewayCpuUsPerRequest() == null
                            ? (run.gatewayIdleCpuMsPerSecond() == null ? "–"
                            : "idle: " + f1(run.gatewayIdleCpuMsPerSecond()) + " ms/s")
                            : f0(run.gatewayCpuUsPerRequest()) + " (" + f0(run.gatewayNetCpuUsPerRequest()) + ")",
                    f0(run.loadCpuUsPerRequest()), f2(run.otherProcessesCores()),
                    run.gatewayGc() == null ? "–" : run.gatewayGc().count() + " / " + f1(run.gatewayGc().totalMs())
                            + " / " + f1(run.gatewayGc().maxMs()),
                    run.gatewayGc() == null || Double.isNaN(run.gatewayGc().allocatedMbPerSec()) ? "–"
                            : "≈ " + f0(run.gatewayGc().allocatedMbPerSec() * 1024 / run.achievedRps())));
        }
        md.append("\n## Added by the gateway (gateway − direct)\n\n")
                .append("| rep | rate | +p50 | +p90 | +p99 | +p99.9 | +max | gateway CPU µs/req (net) | targets at "
                        + TARGET_RATE + " RPS: +p50 ≤ " + f0(TARGET_ADDED_P50_MS) + " ms, +p99 ≤ "
                        + f0(TARGET_ADDED_P99_MS) + " ms, CPU ≤ " + f0(TARGET_CPU_US) + " µs |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult gateway : runs) {
            if (!gateway.target().equals("gateway")) {
                continue;
            }
            Optional<RunResult> direct = runs.stream().filter(run -> run.target().equals("direct")
                    && run.rate() == gateway.rate() && run.repetition() == gateway.repetition()).findFirst();
            if (direct.isEmpty()) {
                continue;
            }
            Percentiles added = gateway.latency().minus(direct.get().latency());
            md.append(row(gateway.repetition(), gateway.rate(), f2(added.p50()), f2(added.p90()), f2(added.p99()),
                    f2(added.p999()), f2(added.max()),
                    gateway.gatewayCpuUsPerRequest() == null ? "–" : f0(gateway.gatewayCpuUsPerRequest()) + " ("
                            + f0(gateway.gatewayNetCpuUsPerRequest()) + ")",
                    verdict(added, gateway)));
        }
    }

    /**
     * What translating to and from another provider's wire format costs: the same request through the gateway
     * to the Anthropic adapter (fake Anthropic API) against the OpenAI pass-through, same rate and repetition.
     */
    private void translationTable(StringBuilder md) {
        List<RunResult> translated = runs.stream()
                .filter(run -> run.target().equals(GatewayBenchmark.TRANSLATED) && run.gatewayCpuUsPerRequest() != null)
                .toList();
        if (translated.isEmpty()) {
            return;
        }
        md.append("\n## Provider translation (Anthropic adapter) vs OpenAI pass-through\n\n")
                .append("| rep | rate | pass-through p50 / p99 | translated p50 / p99 | pass-through CPU µs/req "
                        + "| translated CPU µs/req | translation CPU µs/req | target: ≤ " + f0(TARGET_TRANSLATION_US)
                        + " µs |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (RunResult run : translated) {
            runs.stream().filter(other -> other.target().equals("gateway") && other.rate() == run.rate()
                    && other.repetition() == run.repetition() && other.gatewayCpuUsPerRequest() != null)
                    .findFirst()
                    .ifPresent(passThrough -> {
                        double cost = run.gatewayNetCpuUsPerRequest() - passThrough.gatewayNetCpuUsPerRequest();
                        md.append(row(run.repetition(), run.rate(),
                                f2(passThrough.latency().p50()) + " / " + f2(passThrough.latency().p99()),
                                f2(run.latency().p50()) + " / " + f2(run.latency().p99()),
                                f0(passThrough.gatewayNetCpuUsPerRequest()), f0(run.gatewayNetCpuUsPerRequest()),
                                f0(cost), cost <= TARGET_TRANSLATION_US ? "ok" : "MISSED"));
                    });
        }
    }

    /** Where the gateway's CPU goes, per run: JIT and GC threads next to request handling. */
    private void threadTable(StringBuilder md) {
        List<RunResult> gatewayRuns = runs.stream().filter(run -> run.gatewayCpuUsPerRequestByThread() != null
                && !run.gatewayCpuUsPerRequestByThread().isEmpty()).toList();
        if (gatewayRuns.isEmpty()) {
            return;
        }
        md.append("\n## Gateway CPU by thread group (µs per request, raw, including idle background)\n\n");
        for (RunResult run : gatewayRuns) {
            md.append("- rep ").append(run.repetition()).append(", ").append(run.rate()).append(" RPS: ")
                    .append(run.gatewayCpuUsPerRequestByThread().entrySet().stream()
                            .map(e -> "`" + e.getKey() + "` " + f0(e.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }

    private static String verdict(Percentiles added, RunResult gateway) {
        String p50 = added.p50() <= TARGET_ADDED_P50_MS ? "p50 ok" : "p50 MISSED";
        String p99 = added.p99() <= TARGET_ADDED_P99_MS ? "p99 ok" : "p99 MISSED";
        String cpu = gateway.gatewayCpuUsPerRequest() == null ? "cpu n/a"
                : gateway.gatewayCpuUsPerRequest() <= TARGET_CPU_US ? "cpu ok" : "cpu MISSED";
        String errors = gateway.errorCount() == 0 ? "" : ", " + gateway.errorCount() + " errors";
        return String.join(", ", p50, p99, cpu) + errors + (gateway.rate() == TARGET_RATE ? "" : " (informative)");
    }

    private void streamTables(StringBuilder md) {
        if (streams.isEmpty()) {
            return;
        }
        md.append("\n## Streaming chat completions\n\n")
                .append("| rep | target | rate | achieved RPS | TTFB p50 | TTFB p90 | TTFB p99 | TTFB max | total p50 | total p99 "
                        + "| events/stream (streams) | chunks arrived separately | errors | gateway CPU µs/req | other processes (cores) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StreamResult s : streams) {
            md.append(row(s.repetition(), s.target(), s.rate(), f1(s.achievedRps()), f2(s.firstByte().p50()),
                    f2(s.firstByte().p90()), f2(s.firstByte().p99()), f2(s.firstByte().max()), f2(s.total().p50()),
                    f2(s.total().p99()), events(s.eventsPerStream()),
                    s.separateGaps() + "/" + s.expectedGaps() + " (" + pct(s.separateShare()) + ")", s.errorCount(),
                    s.gatewayCpuUsPerRequest() == null ? "–" : f0(s.gatewayCpuUsPerRequest()),
                    f2(s.otherProcessesCores())));
        }
        md.append("\n## Added to streaming by the gateway\n\n")
                .append("| rep | +TTFB p50 | +TTFB p99 | +total p50 | same events/stream | chunks separate (gateway vs direct) "
                        + "| target: +TTFB ≤ " + f0(TARGET_ADDED_TTFB_MS) + " ms, every chunk forwarded separately |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (StreamResult gateway : streams) {
            if (!gateway.target().equals("gateway")) {
                continue;
            }
            Optional<StreamResult> direct = streams.stream().filter(s -> s.target().equals("direct")
                    && s.repetition() == gateway.repetition()).findFirst();
            if (direct.isEmpty()) {
                continue;
            }
            double ttfb50 = gateway.firstByte().p50() - direct.get().firstByte().p50();
            double ttfb99 = gateway.firstByte().p99() - direct.get().firstByte().p99();
            boolean sameEvents = gateway.eventsPerStream().keySet().equals(direct.get().eventsPerStream().keySet());
            boolean separate = gateway.separateShare() >= direct.get().separateShare() - 0.02;
            md.append(row(gateway.repetition(), f2(ttfb50), f2(ttfb99),
                    f2(gateway.total().p50() - direct.get().total().p50()), sameEvents ? "yes" : "NO",
                    pct(gateway.separateShare()) + " vs " + pct(direct.get().separateShare()),
                    (ttfb50 <= TARGET_ADDED_TTFB_MS ? "ttfb ok" : "ttfb MISSED") + ", "
                            + (sameEvents && separate ? "chunks ok" : "chunks MISSED")));
        }
    }

    private static void profileSection(StringBuilder md, JfrProfile.Summary summary) {
        md.append("\n## Gateway CPU profile (JFR execution samples during one extra gateway run)\n\n")
                .append(summary.samples()).append(" samples (JFR samples threads running Java code, not those in "
                        + "native I/O or parked).\n");
        table(md, "Samples by component of the leaf frame", summary.byComponent(), summary.samples());
        table(md, "Samples by component, JDK frames counted for their nearest non-JDK caller", summary.byLibrary(),
                summary.samples());
        table(md, "Hottest leaf methods", summary.leafMethods(), summary.samples());
        table(md, "Gateway methods (inclusive: sample has the method on its stack)", summary.gatewayMethods(),
                summary.samples());
        table(md, "Samples by thread", summary.threads(), summary.samples());
        long allocated = summary.allocationMb().values().stream().mapToLong(Long::longValue).sum();
        md.append("\n### Allocation (JFR's sampled estimate, MB) by the first non-JDK frame; top sites total ")
                .append(allocated).append(" MB\n\n| MB | share of top sites | frame |\n|---|---|---|\n");
        summary.allocationMb().forEach((site, mb) -> md.append(row(mb, pct((double) mb / Math.max(1, allocated)),
                "`" + site + "`")));
    }

    private static void table(StringBuilder md, String title, Map<String, Long> counts, long total) {
        md.append("\n### ").append(title).append("\n\n| samples | share | frame |\n|---|---|---|\n");
        counts.forEach((name, count) -> md.append(row(count, pct((double) count / total), "`" + name + "`")));
    }

    private void errorSection(StringBuilder md) {
        List<String> lines = runs.stream().filter(run -> run.errorCount() > 0)
                .map(run -> run.target() + " @" + run.rate() + ": " + run.errors() + " e.g. " + run.errorSamples())
                .collect(Collectors.toList());
        streams.stream().filter(s -> s.errorCount() > 0)
                .map(s -> "stream " + s.target() + " @" + s.rate() + ": " + s.errors() + " e.g. " + s.errorSamples())
                .forEach(lines::add);
        if (!lines.isEmpty()) {
            md.append("\n## Errors\n\n");
            lines.forEach(line -> md.append("- ").append(line).append('\n'));
        }
    }

    private static String events(Map<Integer, Long> eventsPerStream) {
        return eventsPerStream.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String row(Object... cells) {
        return "| " + java.util.Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ")) + " |\n";
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
