package io.llmgate.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstantRateSchedulerTest {

    @Test
    void should_hand_over_rate_times_duration_requests_at_evenly_spaced_due_times() {
        // given
        ConstantRateScheduler scheduler = new ConstantRateScheduler(200, Duration.ofMillis(500), Duration.ofMillis(1));
        List<Long> dues = new ArrayList<>();
        List<Long> sent = new ArrayList<>();

        // when
        ConstantRateScheduler.Schedule schedule = scheduler.run(due -> {
            dues.add(due);
            sent.add(System.nanoTime());
        });

        // then
        assertThat(schedule.issued()).isEqualTo(100);
        assertThat(dues).hasSize(100);
        for (int i = 0; i < dues.size(); i++) {
            assertThat(dues.get(i) - schedule.startNanos()).isEqualTo(i * 5_000_000L);
            assertThat(sent.get(i)).isGreaterThanOrEqualTo(dues.get(i)); // never early
        }
        assertThat(schedule.endNanos() - schedule.startNanos()).isBetween(495_000_000L, 900_000_000L);
    }

    @Test
    void should_not_wait_for_slow_requests_but_catch_up_and_count_them_late() {
        // given: the issuer blocks for 50 ms once, as a GC pause would
        ConstantRateScheduler scheduler = new ConstantRateScheduler(1000, Duration.ofMillis(200), Duration.ofMillis(1));
        List<Long> dues = new ArrayList<>();

        // when
        ConstantRateScheduler.Schedule schedule = scheduler.run(due -> {
            dues.add(due);
            if (dues.size() == 10) {
                sleep(50);
            }
        });

        // then: the due times stay on the 1 ms grid and the overdue ones are counted
        assertThat(schedule.issued()).isEqualTo(200);
        assertThat(dues.get(199) - dues.get(0)).isEqualTo(199_000_000L);
        assertThat(schedule.late()).isGreaterThanOrEqualTo(40);
        assertThat(schedule.maxLagNanos()).isGreaterThanOrEqualTo(45_000_000L);
    }

    @Test
    void should_reject_a_rate_that_is_not_positive() {
        assertThatThrownBy(() -> new ConstantRateScheduler(0, Duration.ofSeconds(1), Duration.ofMillis(1)))
                .hasMessage("rate: 0.0 (expected: > 0)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
