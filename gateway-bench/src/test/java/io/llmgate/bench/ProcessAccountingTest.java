package io.llmgate.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessAccountingTest {

    @Test
    void should_add_utime_and_stime_even_when_the_command_name_has_spaces_and_parentheses() {
        // given: fields 14 (utime) = 250 and 15 (stime) = 50
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 60 0 123 0 0";

        // when / then
        assertThat(ProcessCpu.parseStat(stat)).isEqualTo(300);
    }

    @Test
    void should_read_a_growing_cpu_time_for_this_process() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcessCpu.nanos(pid)).isPresent();
        assertThat(ProcessCpu.nanos(pid).getAsLong()).isPositive();
    }

    @Test
    void should_sum_the_stop_the_world_pauses_of_a_gc_log() {
        // given
        String log = "[1.234s] Using G1\n"
                + "[5.000s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 300M->21M(1024M) 3.123ms\n"
                + "[9.000s] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 400M->30M(1024M) 5.877ms\n"
                + "[9.100s] GC(1) Concurrent Mark Cycle 80.100ms\n"
                + "[9.200s] GC(1) Pause Remark 40M->40M(1024M) 1.000ms\n";

        // when
        GcPauses pauses = GcPauses.parse(log);

        // then
        assertThat(pauses.count()).isEqualTo(3);
        assertThat(pauses.totalMs()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pauses.maxMs()).isEqualTo(5.877);
        // allocated between the two young pauses: 400M - 21M over 4 s
        assertThat(pauses.allocatedMbPerSec()).isEqualTo(379 / 4.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void should_parse_durations_with_units() {
        assertThat(BenchOptions.parseDuration("d", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parseDuration("d", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(BenchOptions.parseDuration("d", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.parseDuration("d", "1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> BenchOptions.parseDuration("bench.duration", "soon"))
                .hasMessage("bench.duration: soon (expected: e.g. 500ms, 30s, 2m)");
    }
}
