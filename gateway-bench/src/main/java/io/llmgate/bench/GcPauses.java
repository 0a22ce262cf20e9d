package io.llmgate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world GC pauses during a run: for the gateway from the {@code -Xlog:gc} file it writes
 * (lines such as {@code GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->21M(1024M) 3.123ms}),
 * for this JVM from its collector beans.
 *
 * @param count   pauses (gateway) or collections (this JVM) during the run
 * @param totalMs their summed duration
 * @param maxMs   the longest (gateway only; 0 for this JVM)
 */
record GcPauses(long count, double totalMs, double maxMs) {
    private static final Pattern PAUSE = Pattern.compile(" Pause .* (\\d+(?:\\.\\d+)?)ms\\s*$");

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
        try (RandomAccessFile file = new RandomAccessFile(log.get().toFile(), "r")) {
            long length = file.length();
            byte[] added = new byte[(int) Math.max(0, length - mark)];
            file.seek(mark);
            file.readFully(added);
            return Optional.of(parse(new String(added, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static GcPauses parse(String logText) {
        long count = 0;
        double total = 0;
        double max = 0;
        for (String line : logText.split("\n")) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                double ms = Double.parseDouble(pause.group(1));
                count++;
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new GcPauses(count, total, max);
    }

    /** Collections and their time in this JVM so far (as one cumulative value to subtract). */
    static GcPauses ownSoFar() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcPauses(count, millis, 0);
    }

    GcPauses minus(GcPauses before) {
        return new GcPauses(count - before.count, totalMs - before.totalMs, maxMs);
    }
}
