package io.llmgate.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs one constant-rate phase against one target and takes the process measurements around it:
 * CPU time of the gateway and of this JVM, GC pauses of both. The gateway's idle CPU rate, measured
 * while a direct run leaves it alone, is remembered to give a net figure for the next gateway run.
 */
final class Measurement {
    private static final long SELF = ProcessHandle.current().pid();
    private static final double QUIET_CORES = 0.15;
    private static final int THREAD_GROUPS = 8;

    private final BenchOptions options;
    private final LoadClient client;
    private final GatewayProcess gateway;
    private double gatewayIdleNanosPerSecond = Double.NaN;

    Measurement(BenchOptions options, LoadClient client, GatewayProcess gateway) {
        this.options = options;
        this.client = client;
        this.gateway = gateway;
    }

    /** Non-streaming chat completions; {@code isGateway} says whether the target is the gateway. */
    RunResult chat(LoadClient.Target target, boolean isGateway, byte[] body, int rate, Duration duration, int repetition)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Window window = Window.open(gateway);
        ConstantRateScheduler.Schedule schedule = new ConstantRateScheduler(rate, duration, options.lateThreshold())
                .run(due -> client.chat(target, body, due, recorder));
        drain(recorder, schedule.issued());
        Window.Closed closed = window.close(gateway);
        double elapsed = elapsedSeconds(schedule, recorder);
        Double gatewayCpu = null;
        Double gatewayNetCpu = null;
        Double idle = null;
        if (isGateway && closed.gatewayCpuNanos().isPresent()) {
            gatewayCpu = closed.gatewayCpuNanos().getAsLong() / 1000.0 / Math.max(1, recorder.finished());
            gatewayNetCpu = Double.isNaN(gatewayIdleNanosPerSecond) ? gatewayCpu
                    : (closed.gatewayCpuNanos().getAsLong() - gatewayIdleNanosPerSecond * closed.wallSeconds())
                    / 1000.0 / Math.max(1, recorder.finished());
        } else if (!isGateway && closed.gatewayCpuNanos().isPresent()) {
            gatewayIdleNanosPerSecond = closed.gatewayCpuNanos().getAsLong() / closed.wallSeconds();
            idle = gatewayIdleNanosPerSecond / 1e6;
        }
        return new RunResult(target.name(), repetition, rate, duration.toMillis() / 1000.0, schedule.issued(),
                schedule.late(), schedule.maxLagNanos() / 1e6, recorder.succeeded(), recorder.errors(),
                recorder.errorSamples(), recorder.succeeded() / elapsed, Percentiles.of(recorder.histogram()),
                gatewayCpu, gatewayNetCpu, idle, closed.ownCpuNanos() / 1000.0 / Math.max(1, recorder.finished()),
                closed.otherCores(), isGateway ? closed.gatewayGc() : null, closed.ownGc(),
                isGateway ? closed.gatewayThreadsPerRequest(recorder.finished()) : null);
    }

    /** Streaming chat completions, timing every event. */
    StreamResult stream(LoadClient.Target target, boolean isGateway, byte[] body, int rate, Duration duration,
                        int repetition, int chunks, Duration interval) throws InterruptedException {
        StreamRecorder recorder = new StreamRecorder(chunks, interval);
        Window window = Window.open(gateway);
        ConstantRateScheduler.Schedule schedule = new ConstantRateScheduler(rate, duration, options.lateThreshold())
                .run(due -> client.stream(target, body, due, recorder));
        drain(recorder.total(), schedule.issued());
        Window.Closed closed = window.close(gateway);
        Double gatewayCpu = isGateway && closed.gatewayCpuNanos().isPresent()
                ? closed.gatewayCpuNanos().getAsLong() / 1000.0 / Math.max(1, recorder.total().finished()) : null;
        return new StreamResult(target.name(), repetition, rate, duration.toMillis() / 1000.0, schedule.issued(),
                schedule.late(), recorder.total().succeeded(), recorder.total().errors(),
                recorder.total().errorSamples(), recorder.total().succeeded() / elapsedSeconds(schedule, recorder.total()),
                Percentiles.of(recorder.firstByteHistogram()), Percentiles.of(recorder.total().histogram()),
                recorder.eventsPerStream(), recorder.separateGaps(), recorder.expectedGaps(), gatewayCpu,
                closed.otherCores());
    }

    /**
     * Waits (up to the configured limit) until other processes leave the CPUs alone for a second,
     * so that a build or test running beside the benchmark does not land in a measurement.
     */
    void awaitQuietMachine() throws InterruptedException {
        long deadline = System.nanoTime() + options.quietWait().toNanos();
        double other = Double.NaN;
        do {
            Window window = Window.open(gateway);
            Thread.sleep(1000);
            other = window.close(gateway).otherCores();
            if (other < QUIET_CORES) {
                return;
            }
        } while (System.nanoTime() < deadline);
        GatewayBenchmark.log(String.format(java.util.Locale.ROOT,
                "other processes still use %.2f cores after waiting %d s; measuring anyway", other,
                options.quietWait().toSeconds()));
    }

    /** Waits for the stragglers; requests that never finish are counted as errors. */
    private void drain(LatencyRecorder recorder, long issued) throws InterruptedException {
        if (!recorder.awaitFinished(issued, options.timeout().plusSeconds(5))) {
            long missing = issued - recorder.finished();
            for (long i = 0; i < missing; i++) {
                recorder.error("no answer", "still open after the timeout", System.nanoTime());
            }
        }
    }

    private static double elapsedSeconds(ConstantRateScheduler.Schedule schedule, LatencyRecorder recorder) {
        long end = Math.max(schedule.endNanos(), recorder.lastFinishNanos());
        return Math.max(1, end - schedule.startNanos()) / 1e9;
    }

    /** Counters read before a run, subtracted after it. */
    private record Window(long startNanos, OptionalLong gatewayCpu, Map<String, Long> gatewayThreads, long ownCpu,
                          long machineBusy, long gcMark, GcPauses ownGc) {
        /** @param otherCores CPU used by every other process on the machine, in cores (0.5 = half a CPU) */
        record Closed(double wallSeconds, OptionalLong gatewayCpuNanos, Map<String, Long> gatewayThreadNanos,
                      long ownCpuNanos, double otherCores, GcPauses gatewayGc, GcPauses ownGc) {

            /** The gateway's CPU per finished request by thread group, largest first; threads that ended count as one group. */
            Map<String, Double> gatewayThreadsPerRequest(long finished) {
                Map<String, Double> perRequest = new LinkedHashMap<>();
                if (gatewayCpuNanos.isEmpty()) {
                    return perRequest;
                }
                long divisor = Math.max(1, finished);
                gatewayThreadNanos.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(THREAD_GROUPS)
                        .forEach(e -> perRequest.put(e.getKey(), e.getValue() / 1000.0 / divisor));
                double listed = perRequest.values().stream().mapToDouble(Double::doubleValue).sum();
                perRequest.put("(other and ended threads)", gatewayCpuNanos.getAsLong() / 1000.0 / divisor - listed);
                return perRequest;
            }
        }

        static Window open(GatewayProcess gateway) {
            return new Window(System.nanoTime(), cpu(gateway.pid()), threads(gateway.pid()), ProcessCpu.nanos(SELF).orElse(0),
                    ProcessCpu.machineBusyNanos().orElse(0), GcPauses.logMark(gateway.gcLog()), GcPauses.ownSoFar());
        }

        Closed close(GatewayProcess gateway) {
            OptionalLong gatewayAfter = cpu(gateway.pid());
            OptionalLong gatewayDelta = gatewayCpu.isPresent() && gatewayAfter.isPresent()
                    ? OptionalLong.of(gatewayAfter.getAsLong() - gatewayCpu.getAsLong()) : OptionalLong.empty();
            double wall = (System.nanoTime() - startNanos) / 1e9;
            long own = ProcessCpu.nanos(SELF).orElse(0) - ownCpu;
            long machine = ProcessCpu.machineBusyNanos().orElse(0) - machineBusy;
            double other = Math.max(0, machine - own - gatewayDelta.orElse(0)) / 1e9 / wall;
            Map<String, Long> threadDelta = new HashMap<>();
            threads(gateway.pid()).forEach((group, after) -> {
                long delta = after - gatewayThreads.getOrDefault(group, 0L);
                if (delta > 0) {
                    threadDelta.put(group, delta);
                }
            });
            return new Closed(wall, gatewayDelta, threadDelta, own, other,
                    GcPauses.sinceMark(gateway.gcLog(), gcMark).orElse(null), GcPauses.ownSoFar().minus(ownGc));
        }

        private static Map<String, Long> threads(OptionalLong pid) {
            return pid.isPresent() ? ProcessCpu.threadNanos(pid.getAsLong()) : Map.of();
        }

        private static OptionalLong cpu(OptionalLong pid) {
            return pid.isPresent() ? ProcessCpu.nanos(pid.getAsLong()) : OptionalLong.empty();
        }
    }
}
