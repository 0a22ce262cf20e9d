package io.llmgate.launcher;

import io.llmgate.launcher.PayaraMicroCommand.DatabaseAddress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PayaraMicroCommandTest {
    private static final Path ROOT = Path.of("/work/llmgate");
    private static final Path JAVA = Path.of("/usr/lib/jvm/17/bin/java");
    private static final Path BOOT = Path.of("/tmp/boot.asadmin");

    @Test
    void should_deploy_the_war_at_the_root_context_on_the_configured_port() {
        // given
        LaunchSettings settings = settings(Optional.of(ROOT.resolve("config.yaml")));

        // when
        PayaraMicroCommand command = PayaraMicroCommand.of(settings, JAVA, BOOT, Optional.empty());

        // then
        assertThat(command.command()).containsExactly("/usr/lib/jvm/17/bin/java", "-Xmx1g",
                "-Dllmgate.config=/work/llmgate/config.yaml",
                "-jar", "/work/llmgate/gateway-launcher/target/payara-micro.jar",
                "--deploy", "/work/llmgate/gateway-web/target/llmgate.war",
                "--contextroot", "/", "--port", "4000", "--nocluster", "--nohazelcast", "--disablephonehome",
                "--postbootcommandfile", "/tmp/boot.asadmin");
        assertThat(command.environment()).isEmpty();
    }

    @Test
    void should_point_the_gateway_at_the_embedded_database() {
        // when
        PayaraMicroCommand command = PayaraMicroCommand.of(settings(Optional.empty()), JAVA, BOOT,
                Optional.of(new DatabaseAddress("jdbc:postgresql://127.0.0.1:5433/llmgate", "postgres")));

        // then
        assertThat(command.environment()).isEqualTo(Map.of(
                "GW_DB_URL", "jdbc:postgresql://127.0.0.1:5433/llmgate", "GW_DB_USER", "postgres"));
        assertThat(command.command()).noneMatch(arg -> arg.startsWith("-Dllmgate.config"));
    }

    @Test
    void should_switch_off_payaras_own_health_endpoint_that_hides_the_gateways() throws Exception {
        // given: the boot command file shipped in the repository (the tests run from gateway-launcher/)
        Path file = Path.of("..").resolve(PayaraMicroCommand.BOOT_COMMANDS);
        // expect
        assertThat(java.nio.file.Files.readAllLines(file))
                .contains("set-microprofile-healthcheck-configuration --enabled=false");
    }

    private static LaunchSettings settings(Optional<Path> config) {
        return new LaunchSettings(ROOT, ROOT.resolve("gateway-launcher/target/payara-micro.jar"),
                ROOT.resolve("gateway-web/target/llmgate.war"), 4000, ROOT.resolve(".gateway/pgdata"), 5433, config, List.of("-Xmx1g"));
    }
}
