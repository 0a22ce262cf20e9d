package io.llmgate.persistence.instance;

import java.time.Instant;
import java.util.Objects;

/**
 * One gateway process as recorded in {@code gateway_instance}.
 *
 * @param instanceId unique per process (env {@code LLMGATE_INSTANCE_ID}, else random)
 * @param host       host name the process runs on
 * @param version    gateway version
 * @param startedAt  when this process started
 * @param lastSeenAt when this process last reported itself
 */
public record GatewayInstance(String instanceId, String host, String version, Instant startedAt, Instant lastSeenAt) {
    public GatewayInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public GatewayInstance seenAt(Instant when) {
        return new GatewayInstance(instanceId, host, version, startedAt, when);
    }
}
