package io.llmgate.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchSettingsTest {
    @TempDir
    Path root;

    @Test
    void should_default_to_the_project_layout() {
        // when
        LaunchSettings settings = LaunchSettings.from(new String[] {"--project-root=" + root}, Map.<String, String>of()::get);

        // then
        assertThat(settings.httpPort()).isEqualTo(4000);
        assertThat(settings.postgresPort()).isEqualTo(5433);
        assertThat(settings.dataDirectory()).isEqualTo(root.resolve(".gateway/pgdata"));
        assertThat(settings.war()).isEqualTo(root.resolve("gateway-web/target/llmgate.war"));
        assertThat(settings.payaraJar()).isEqualTo(root.resolve("gateway-launcher/target/payara-micro.jar"));
        assertThat(settings.configFile()).isEmpty();
        assertThat(settings.javaOptions()).containsExactly("-Xmx1g");
    }

    @Test
    void should_use_config_yaml_in_the_project_root_when_it_exists() throws IOException {
        // given
        Files.writeString(root.resolve("config.yaml"), "model_list: []\n");

        // when
        LaunchSettings settings = LaunchSettings.from(new String[] {"--project-root=" + root}, Map.<String, String>of()::get);

        // then
        assertThat(settings.configFile()).contains(root.resolve("config.yaml"));
    }

    @Test
    void should_take_ports_directories_config_and_jvm_options_from_the_environment() {
        // given
        Map<String, String> env = Map.of("PORT", "4100", "LLMGATE_PG_PORT", "6543", "LLMGATE_DATA_DIR", "/var/tmp/pg",
                "CONFIG_FILE_PATH", "conf/proxy.yaml", "LLMGATE_JAVA_OPTS", " -Xmx2g  -XX:+UseSerialGC ");

        // when
        LaunchSettings settings = LaunchSettings.from(new String[] {"--project-root=" + root}, env::get);

        // then
        assertThat(settings.httpPort()).isEqualTo(4100);
        assertThat(settings.postgresPort()).isEqualTo(6543);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/tmp/pg"));
        assertThat(settings.configFile()).contains(root.resolve("conf/proxy.yaml"));
        assertThat(settings.javaOptions()).isEqualTo(List.of("-Xmx2g", "-XX:+UseSerialGC"));
    }

    @Test
    void should_prefer_llmgate_config_over_config_file_path_like_the_gateway() {
        // given
        Map<String, String> env = Map.of("LLMGATE_CONFIG", "a.yaml", "CONFIG_FILE_PATH", "b.yaml");

        // when
        Optional<Path> config = LaunchSettings.from(new String[] {"--project-root=" + root}, env::get).configFile();

        // then
        assertThat(config).contains(root.resolve("a.yaml"));
    }

    @Test
    void should_reject_a_port_that_is_not_a_number() {
        // expect
        assertThatThrownBy(() -> LaunchSettings.from(new String[0], Map.of("PORT", "http")::get))
                .isInstanceOf(LaunchException.class)
                .hasMessage("PORT: 'http' (expected: a port number 1-65535)");
    }

    @Test
    void should_reject_unknown_argument_shapes() {
        // expect
        assertThatThrownBy(() -> LaunchSettings.from(new String[] {"run"}, Map.<String, String>of()::get))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("argument 'run'");
    }
}
