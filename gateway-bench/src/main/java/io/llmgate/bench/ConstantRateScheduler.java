package io.llmgate.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The open model: request {@code i} is due at {@code start + i / rate}, whatever happened to the
 * requests before it. One thread sleeps until each due time and hands the due time to an issuer
 * that must not block (it starts an async request and returns). When the thread wakes late (GC,
 * a busy CPU) it issues every overdue request at once, so the rate holds on average and the delay
 * shows up in the latencies, which are measured from the due time (no coordinated omission).
 */
final class ConstantRateScheduler {
    /** Leaves the caller time to set up before the first due time. */
    private static final long START_DELAY_NANOS = Duration.ofMillis(5).toNanos();

    /**
     * @param startNanos   {@link System#nanoTime()} of the first due time
     * @param issued       requests handed to the issuer
     * @param late         requests handed over later than the late threshold after their due time
     * @param maxLagNanos  the largest delay between a due time and the hand-over
     * @param endNanos     when the last request was handed over
     */
    record Schedule(long startNanos, long issued, long late, long maxLagNanos, long endNanos) {
    }

    private final double ratePerSecond;
    private final Duration duration;
    private final long lateThresholdNanos;

    ConstantRateScheduler(double ratePerSecond, Duration duration, Duration lateThreshold) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate: " + ratePerSecond + " (expected: > 0)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: > 0)");
        }
        this.ratePerSecond = ratePerSecond;
        this.duration = duration;
        this.lateThresholdNanos = lateThreshold.toNanos();
    }

    /** How many requests a run issues: {@code floor(rate * duration)}, at least one. */
    long count() {
        return Math.max(1, (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9));
    }

    /** The due time of request {@code i}, relative to the start. */
    long offsetNanos(long i) {
        return Math.round(i * 1e9 / ratePerSecond);
    }

    /** Runs on the calling thread until every request was handed to {@code issuer}. */
    Schedule run(LongConsumer issuer) {
        long count = count();
        long start = System.nanoTime() + START_DELAY_NANOS;
        long late = 0;
        long maxLag = 0;
        for (long i = 0; i < count; i++) {
            long due = start + offsetNanos(i);
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            long lag = now - due;
            if (lag > lateThresholdNanos) {
                late++;
            }
            maxLag = Math.max(maxLag, lag);
            issuer.accept(due);
        }
        return new Schedule(start, count, late, maxLag, System.nanoTime());
    }
}
