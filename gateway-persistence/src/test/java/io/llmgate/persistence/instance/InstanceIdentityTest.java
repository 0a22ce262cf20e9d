package io.llmgate.persistence.instance;

import io.llmgate.core.pipeline.GatewayVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdentityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void should_take_id_and_host_from_the_environment() {
        // when
        GatewayInstance instance = InstanceIdentity.of(NOW, Map.of("LLMGATE_INSTANCE_ID", "gw-a", "HOSTNAME", "node-1")::get);

        // then
        assertThat(instance).isEqualTo(new GatewayInstance("gw-a", "node-1", GatewayVersion.current(), NOW, NOW));
    }

    @Test
    void should_invent_a_unique_id_when_none_is_given() {
        // when
        GatewayInstance first = InstanceIdentity.of(NOW, name -> null);
        GatewayInstance second = InstanceIdentity.of(NOW, name -> null);

        // then
        assertThat(first.instanceId()).isNotEqualTo(second.instanceId()).hasSize(36);
        assertThat(first.host()).isNotBlank();
    }
}
