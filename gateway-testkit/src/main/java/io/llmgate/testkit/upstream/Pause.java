package io.llmgate.testkit.upstream;

import java.time.Duration;

/** Sleeps for a scenario; an interrupt means the fake is shutting down, so the connection is cut. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionDrop("interrupted while pausing: the fake upstream is closing");
        }
    }
}
