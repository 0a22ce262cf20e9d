package io.llmgate.bench;

import java.util.List;
import java.util.Map;

/**
 * One measured run of non-streaming chat completions at a constant rate against one target.
 * Nullable numbers are "not measured" (e.g. gateway CPU of a gateway whose pid is unknown); they
 * stay nullable rather than {@code Optional} because the record is written to JSON as it is.
 *
 * @param target                   {@code direct} or {@code gateway}
 * @param repetition               1-based repetition of the whole set of runs
 * @param rate                     requested rate, per second
 * @param issued                   requests sent
 * @param late                     requests sent later than the late threshold after their due time
 * @param maxIssueLagMs            the largest delay between a due time and the send
 * @param succeeded                200 answers
 * @param errors                   failures by kind (status, timeout, ...)
 * @param errorSamples             the first few failures, for the log
 * @param achievedRps              successes per second of the run (first due time to last answer)
 * @param latency                  latency of successes from their due time
 * @param gatewayCpuUsPerRequest   gateway process CPU (all threads) over the run / finished requests; gateway runs only
 * @param gatewayNetCpuUsPerRequest the same, minus the gateway's idle CPU (measured during the direct run)
 * @param gatewayIdleCpuMsPerSecond the gateway's own CPU while idle (during a direct run); direct runs only
 * @param loadCpuUsPerRequest      this JVM's CPU (load generator + in-process fake upstream) / finished requests
 * @param otherProcessesCores      CPU used meanwhile by every other process on the machine, in cores: a
 *                                 disturbed run shows here
 * @param gatewayGc                the gateway's GC pauses during the run
 * @param loadGc                   this JVM's collections during the run
 * @param gatewayCpuUsPerRequestByThread the gateway's CPU per request by thread group (JIT, GC, HTTP workers, ...)
 */
record RunResult(
        String target,
        int repetition,
        int rate,
        double durationSeconds,
        long issued,
        long late,
        double maxIssueLagMs,
        long succeeded,
        Map<String, Long> errors,
        List<String> errorSamples,
        double achievedRps,
        Percentiles latency,
        Double gatewayCpuUsPerRequest,
        Double gatewayNetCpuUsPerRequest,
        Double gatewayIdleCpuMsPerSecond,
        double loadCpuUsPerRequest,
        double otherProcessesCores,
        GcPauses gatewayGc,
        GcPauses loadGc,
        Map<String, Double> gatewayCpuUsPerRequestByThread) {

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
