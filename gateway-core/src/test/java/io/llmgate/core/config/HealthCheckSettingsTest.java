package io.llmgate.core.config;

import io.llmgate.core.testing.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code general_settings.background_health_checks} and {@code health_check_interval}. */
class HealthCheckSettingsTest {
    @TempDir
    Path dir;

    @Test
    void should_leave_background_checks_off_with_litellms_interval_when_not_configured() {
        // when
        GeneralSettings general = ConfigFiles.load("model_list: []\n").general();

        // then
        assertThat(general.backgroundHealthChecks()).isFalse();
        assertThat(general.healthCheckInterval()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void should_read_background_checks_and_their_interval_in_seconds() {
        // when
        GeneralSettings general = ConfigFiles.load("""
                general_settings: { background_health_checks: true, health_check_interval: 2.5 }
                """).general();

        // then
        assertThat(general.backgroundHealthChecks()).isTrue();
        assertThat(general.healthCheckInterval()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void should_accept_the_switch_from_an_environment_reference() {
        // when
        GeneralSettings general = ConfigFiles.load("""
                general_settings: { background_health_checks: os.environ/BACKGROUND_CHECKS }
                """, Map.of("BACKGROUND_CHECKS", "true")).general();

        // then
        assertThat(general.backgroundHealthChecks()).isTrue();
    }

    @Test
    void should_name_the_field_when_the_switch_is_not_a_boolean() throws IOException {
        // given
        Path file = write("general_settings: { background_health_checks: often }\n");

        // when / then
        assertThatThrownBy(() -> new ConfigLoader(name -> null).load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": general_settings.background_health_checks must be a boolean, got a string");
    }

    @Test
    void should_name_the_field_when_the_interval_is_not_positive() throws IOException {
        // given
        Path file = write("general_settings: { health_check_interval: 0 }\n");

        // when / then
        assertThatThrownBy(() -> new ConfigLoader(name -> null).load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": general_settings.health_check_interval must be > 0 seconds, got 0.0");
    }

    @Test
    void should_name_the_field_when_the_interval_is_not_a_number() throws IOException {
        // given
        Path file = write("general_settings: { health_check_interval: [300] }\n");

        // when / then
        assertThatThrownBy(() -> new ConfigLoader(name -> null).load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": general_settings.health_check_interval must be a number, got a list");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }
}
