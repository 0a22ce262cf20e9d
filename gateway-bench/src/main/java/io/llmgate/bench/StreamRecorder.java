package io.llmgate.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcomes of a streaming run: time to the first {@code data:} event and to the end of the body
 * (both from the due time), events per stream, and whether the content chunks, sent
 * {@code interval} apart by the upstream, also arrived apart. A gap counts as "separate" when it is
 * at least three quarters of the upstream interval; a stream of {@code n} content chunks has
 * {@code n - 1} such gaps when nothing coalesces them.
 */
final class StreamRecorder {
    private final LatencyRecorder total = new LatencyRecorder();
    private final Recorder firstByte = new Recorder(1, LatencyRecorder.HIGHEST_MICROS, 3);
    private final Map<Integer, LongAdder> eventsPerStream = new ConcurrentHashMap<>();
    private final LongAdder separateGaps = new LongAdder();
    private final LongAdder expectedGaps = new LongAdder();
    private final long separateGapNanos;
    private final int expectedGapsPerStream;

    StreamRecorder(int contentChunks, Duration upstreamInterval) {
        this.separateGapNanos = upstreamInterval.toNanos() * 3 / 4;
        this.expectedGapsPerStream = contentChunks - 1;
    }

    void completed(long dueNanos, SseTimingConsumer.Trace trace) {
        if (trace.status() != 200) {
            total.error("status " + trace.status(), trace.firstLine(), trace.endNanos());
            return;
        }
        if (!trace.done() || trace.eventNanos().length == 0) {
            total.error("stream without [DONE]", trace.eventNanos().length + " events, last " + trace.lastData(),
                    trace.endNanos());
            return;
        }
        long[] events = trace.eventNanos();
        firstByte.recordValue(Math.min(LatencyRecorder.HIGHEST_MICROS, Math.max(1, (events[0] - dueNanos) / 1000)));
        eventsPerStream.computeIfAbsent(events.length, n -> new LongAdder()).increment();
        int separate = 0;
        for (int i = 1; i < events.length; i++) {
            if (events[i] - events[i - 1] >= separateGapNanos) {
                separate++;
            }
        }
        separateGaps.add(separate);
        expectedGaps.add(expectedGapsPerStream);
        total.success(dueNanos, trace.endNanos());
    }

    void failed(String kind, String detail) {
        total.error(kind, detail, System.nanoTime());
    }

    LatencyRecorder total() {
        return total;
    }

    Histogram firstByteHistogram() {
        return firstByte.getIntervalHistogram();
    }

    /** Streams by their number of {@code data:} events (without {@code [DONE]}). */
    Map<Integer, Long> eventsPerStream() {
        Map<Integer, Long> counts = new TreeMap<>();
        eventsPerStream.forEach((events, count) -> counts.put(events, count.sum()));
        return counts;
    }

    long separateGaps() {
        return separateGaps.sum();
    }

    long expectedGaps() {
        return expectedGaps.sum();
    }
}
