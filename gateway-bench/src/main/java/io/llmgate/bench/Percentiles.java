package io.llmgate.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles of one run in milliseconds, from a histogram recorded in microseconds. */
record Percentiles(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(micros.getTotalCount(), micros.getMean() / 1000,
                ms(micros, 50), ms(micros, 90), ms(micros, 99), ms(micros, 99.9), micros.getMaxValue() / 1000.0);
    }

    /** {@code this - direct}, percentile by percentile: what the gateway adds. */
    Percentiles minus(Percentiles direct) {
        return new Percentiles(count, mean - direct.mean, p50 - direct.p50, p90 - direct.p90, p99 - direct.p99,
                p999 - direct.p999, max - direct.max);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
