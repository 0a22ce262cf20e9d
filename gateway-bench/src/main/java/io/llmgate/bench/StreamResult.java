package io.llmgate.bench;

import java.util.List;
import java.util.Map;

/**
 * One measured streaming run against one target.
 *
 * @param firstByte        due time to the first {@code data:} event
 * @param total            due time to the end of the body
 * @param eventsPerStream  successful streams by their number of {@code data:} events (without {@code [DONE]})
 * @param separateGaps     inter-arrival gaps of at least 3/4 of the upstream interval, summed over streams
 * @param expectedGaps     the gaps the upstream put between content chunks, summed over streams
 * @param otherProcessesCores CPU used meanwhile by every other process on the machine, in cores
 */
record StreamResult(
        String target,
        int repetition,
        int rate,
        double durationSeconds,
        long issued,
        long late,
        long succeeded,
        Map<String, Long> errors,
        List<String> errorSamples,
        double achievedRps,
        Percentiles firstByte,
        Percentiles total,
        Map<Integer, Long> eventsPerStream,
        long separateGaps,
        long expectedGaps,
        Double gatewayCpuUsPerRequest,
        double otherProcessesCores) {

    /** Share of upstream-spaced chunks that also arrived spaced at the client. */
    double separateShare() {
        return expectedGaps == 0 ? Double.NaN : (double) separateGaps / expectedGaps;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
