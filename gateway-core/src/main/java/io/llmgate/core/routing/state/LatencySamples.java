package io.llmgate.core.routing.state;

import java.util.Arrays;

/** The most recent latencies of one deployment, newest last; immutable so a cache can hand it out. */
record LatencySamples(long[] nanos) {
    static LatencySamples of(long nanos) {
        return new LatencySamples(new long[] {nanos});
    }

    long latest() {
        return nanos[nanos.length - 1];
    }

    /** These samples plus {@code sample}, keeping the newest {@code max}. */
    LatencySamples with(long sample, int max) {
        int keep = Math.min(nanos.length, max - 1);
        long[] next = Arrays.copyOfRange(nanos, nanos.length - keep, nanos.length + 1);
        next[keep] = sample;
        return new LatencySamples(next);
    }

    double average() {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return (double) sum / nanos.length;
    }
}
