package io.llmgate.it.support;

import io.llmgate.testkit.upstream.FakeOpenAiUpstream;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a router that picks deployments at random until it has picked a given one. */
public final class RandomPicks {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private RandomPicks() {
    }

    /**
     * Runs {@code request} until the fake has received a call for {@code deployment}: a random pick between two
     * deployments meets it within a few requests, or once a cooldown an earlier test left ends (cooldown_time is
     * 2 s); fails after 15 s.
     */
    public static void untilCalled(FakeOpenAiUpstream upstream, String deployment, Runnable request) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (upstream.requestCount(deployment) == 0) {
            assertThat(System.nanoTime()).as("time left for a request to meet %s", deployment).isLessThan(deadline);
            request.run();
        }
    }
}
