package io.llmgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time (user + system, all threads) of a Linux process, from {@code /proc/<pid>/stat}. The
 * kernel counts in clock ticks ({@code getconf CLK_TCK}, usually 100 = 10 ms), so a difference is
 * only meaningful over runs of many seconds.
 */
final class ProcessCpu {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** The process's CPU time so far in nanoseconds, or empty when it is gone or not on Linux. */
    static OptionalLong nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return OptionalLong.of(parseStat(stat) * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Busy CPU time of the whole machine so far (all CPUs: user, nice, system, irq, softirq, steal;
     * not idle or iowait) in nanoseconds, from the first line of {@code /proc/stat}.
     */
    static OptionalLong machineBusyNanos() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            String[] f = first.trim().split("\\s+"); // "cpu user nice system idle iowait irq softirq steal ..."
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return OptionalLong.of(busy * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * CPU time so far of each live thread of the process in nanoseconds, summed by thread group: the
     * thread name (as the kernel keeps it, 15 characters) with digits folded to {@code #}, e.g.
     * {@code C2 CompilerThre#} or {@code http-thread-poo}. Threads that already ended are missing.
     */
    static java.util.Map<String, Long> threadNanos(long pid) {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(name.replaceAll("\\d+", "#").replaceFirst("^C# Compiler", "C1/C2 Compiler"), parseStat(stat) * 1_000_000_000L / TICKS_PER_SECOND,
                            Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return java.util.Map.of();
        }
        return groups;
    }

    /** utime + stime in clock ticks: fields 14 and 15, counted after the command name, which may hold spaces. */
    static long parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
