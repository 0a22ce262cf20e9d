package io.llmgate.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcomes of one run, recorded from the HTTP client's I/O threads (wait-free): successful
 * latencies in microseconds from each request's due time, and errors counted by kind. Also tracks
 * how many requests have finished, so the run can wait for the stragglers.
 */
final class LatencyRecorder {
    /** Latencies above this are clamped; far above any timeout the benchmark uses. */
    static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;
    private static final int ERROR_SAMPLES = 5;

    private final Recorder latencies = new Recorder(1, HIGHEST_MICROS, 3);
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong lastFinishNanos = new AtomicLong();

    /** A successful request, due at {@code dueNanos}, that finished at {@code endNanos}. */
    void success(long dueNanos, long endNanos) {
        latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (endNanos - dueNanos) / 1000)));
        succeeded.increment();
        finish(endNanos);
    }

    /** A failed request: {@code kind} groups it in the report (e.g. {@code status 502}, {@code timeout}). */
    void error(String kind, String detail, long endNanos) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(kind + ": " + detail);
        }
        finish(endNanos);
    }

    private void finish(long endNanos) {
        lastFinishNanos.accumulateAndGet(endNanos, Math::max);
        synchronized (finished) {
            finished.incrementAndGet();
            finished.notifyAll();
        }
    }

    /** Waits until {@code expected} requests have finished or {@code timeout} passed; true when all finished. */
    boolean awaitFinished(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (finished) {
            while (finished.get() < expected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                finished.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Everything recorded so far; call once, after the run. */
    Histogram histogram() {
        return latencies.getIntervalHistogram();
    }

    long succeeded() {
        return succeeded.sum();
    }

    long finished() {
        return finished.get();
    }

    long lastFinishNanos() {
        return lastFinishNanos.get();
    }

    /** Error counts by kind, sorted by kind. */
    Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    java.util.List<String> errorSamples() {
        return java.util.List.copyOf(errorSamples);
    }
}
