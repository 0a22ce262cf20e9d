package io.llmgate.persistence.instance;

import io.llmgate.core.pipeline.GatewayVersion;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Works out how this process describes itself in {@code gateway_instance}. */
public final class InstanceIdentity {

    private InstanceIdentity() {
    }

    /**
     * This process, started at {@code startedAt}: id from env {@code LLMGATE_INSTANCE_ID} or a random UUID,
     * host from env {@code HOSTNAME} or the local host name, version from the build.
     */
    public static GatewayInstance of(Instant startedAt, Function<String, String> environment) {
        String id = Optional.ofNullable(environment.apply("LLMGATE_INSTANCE_ID")).filter(s -> !s.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        String host = Optional.ofNullable(environment.apply("HOSTNAME")).filter(s -> !s.isBlank())
                .orElseGet(InstanceIdentity::localHostName);
        return new GatewayInstance(id, host, GatewayVersion.current(), startedAt, startedAt);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
