package io.llmgate.core.upstream;

import java.time.Duration;

/**
 * Connection-level settings of the upstream client.
 *
 * @param ioThreads            I/O reactor threads (defaults to the number of cores)
 * @param maxConnectionsPerRoute pooled connections per upstream host; HTTP/1.1 needs one per in-flight call
 */
public record UpstreamClientSettings(int ioThreads, int maxConnections, int maxConnectionsPerRoute,
                                     Duration connectTimeout, Duration idleEviction) {
    public static UpstreamClientSettings defaults() {
        return new UpstreamClientSettings(Runtime.getRuntime().availableProcessors(), 10_000, 2_000,
                Duration.ofSeconds(10), Duration.ofSeconds(55));
    }
}
