package io.llmgate.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world GC pauses during a run: for the gateway from the {@code -Xlog:gc:...:uptime} file
 * it writes (lines such as {@code [5.000s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->21M(1024M) 3.123ms}),
 * for this JVM from its collector beans. From the gateway's young pauses it also estimates the
 * allocation rate: heap before a pause minus heap after the previous one, over the time between.
 *
 * @param count             pauses (gateway) or collections (this JVM) during the run
 * @param totalMs           their summed duration
 * @param maxMs             the longest (gateway only; 0 for this JVM)
 * @param allocatedMbPerSec estimated allocation rate (gateway only; NaN when fewer than two young pauses)
 */
record GcPauses(long count, double totalMs, double maxMs, double allocatedMbPerSec) {
    private static final Pattern PAUSE = Pattern.compile(" Pause .* (\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final Pattern YOUNG = Pattern.compile(
            "^\\[(\\d+(?:\\.\\d+)?)s\\].* Pause Young .* (\\d+)M->(\\d+)M\\(\\d+M\\) \\d+(?:\\.\\d+)?ms\\s*$");

    /** Where a GC log ends now, to read only what a run adds. */
    static long logMark(Optional<Path> log) {
        try {
            return log.isPresent() && Files.exists(log.get()) ? Files.size(log.get()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Pauses logged after {@code mark}; empty when there is no log. */
    static Optional<GcPauses> sinceMark(Optional<Path> log, long mark) {
        if (log.isEmpty() || !Files.exists(log.get())) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(log.get());
            int split = (int) Math.min(mark, all.length);
            return Optional.of(parse(new String(all, 0, split, StandardCharsets.UTF_8),
                    new String(all, split, all.length - split, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Pauses in {@code logText}; {@code before} is the log up to there, for the young pause preceding the run. */
    static GcPauses parse(String before, String logText) {
        double[] previous = lastYoung(before); // {uptime s, heap after MB} or null
        long count = 0;
        double total = 0;
        double max = 0;
        double allocatedMb = 0;
        double firstUptime = Double.NaN;
        double lastUptime = Double.NaN;
        for (String line : logText.split("\n")) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                double ms = Double.parseDouble(pause.group(1));
                count++;
                total += ms;
                max = Math.max(max, ms);
            }
            Matcher young = YOUNG.matcher(line);
            if (young.find()) {
                double uptime = Double.parseDouble(young.group(1));
                if (previous != null) {
                    allocatedMb += Math.max(0, Double.parseDouble(young.group(2)) - previous[1]);
                    firstUptime = Double.isNaN(firstUptime) ? previous[0] : firstUptime;
                    lastUptime = uptime;
                }
                previous = new double[] {uptime, Double.parseDouble(young.group(3))};
            }
        }
        double rate = Double.isNaN(firstUptime) || lastUptime <= firstUptime ? Double.NaN
                : allocatedMb / (lastUptime - firstUptime);
        return new GcPauses(count, total, max, rate);
    }

    static GcPauses parse(String logText) {
        return parse("", logText);
    }

    private static double[] lastYoung(String log) {
        double[] last = null;
        for (String line : log.split("\n")) {
            Matcher young = YOUNG.matcher(line);
            if (young.find()) {
                last = new double[] {Double.parseDouble(young.group(1)), Double.parseDouble(young.group(3))};
            }
        }
        return last;
    }

    /** Collections and their time in this JVM so far (as one cumulative value to subtract). */
    static GcPauses ownSoFar() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcPauses(count, millis, 0, Double.NaN);
    }

    GcPauses minus(GcPauses before) {
        return new GcPauses(count - before.count, totalMs - before.totalMs, maxMs, Double.NaN);
    }
}
