package io.llmgate.persistence.datasource;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsResolverTest {

    private static DatabaseSettingsResolver resolver(Map<String, String> properties, Map<String, String> env, String configUrl) {
        return new DatabaseSettingsResolver(properties::get, env::get, () -> Optional.ofNullable(configUrl));
    }

    @Test
    void should_report_nothing_when_nothing_is_configured() {
        // expect
        assertThat(resolver(Map.of(), Map.of(), null).resolve()).isEmpty();
        assertThat(resolver(Map.of("gw.db.url", " "), Map.of("DATABASE_URL", ""), "").resolve()).isEmpty();
    }

    @Test
    void should_prefer_system_properties_over_every_other_source() {
        // given
        DatabaseSettingsResolver resolver = resolver(
                Map.of("gw.db.url", "jdbc:postgresql://from-property/db", "gw.db.user", "prop-user"),
                Map.of("GW_DB_URL", "jdbc:postgresql://from-env/db", "GW_DB_USER", "env-user",
                        "DATABASE_URL", "postgres://x@from-database-url/db"),
                "postgres://from-config/db");

        // when
        DatabaseSettings settings = resolver.resolve().orElseThrow();

        // then
        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://from-property/db");
        assertThat(settings.user()).contains("prop-user");
        assertThat(settings.origin()).isEqualTo("system property gw.db.url");
    }

    @Test
    void should_prefer_gw_db_env_over_database_url_and_config() {
        // given
        DatabaseSettingsResolver resolver = resolver(Map.of(),
                Map.of("GW_DB_URL", "jdbc:postgresql://from-env/db", "GW_DB_USER", "u", "GW_DB_PASSWORD", "pw",
                        "DATABASE_URL", "postgres://x@from-database-url/db"),
                "postgres://from-config/db");

        // when
        DatabaseSettings settings = resolver.resolve().orElseThrow();

        // then
        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://from-env/db");
        assertThat(settings.user()).contains("u");
        assertThat(settings.password()).contains("pw");
        assertThat(settings.origin()).isEqualTo("env GW_DB_URL");
    }

    @Test
    void should_use_database_url_with_its_embedded_credentials() {
        // given
        DatabaseSettingsResolver resolver = resolver(Map.of(),
                Map.of("DATABASE_URL", "postgresql://llm:s3cret@db:5432/gateway"), "postgres://from-config/db");

        // when
        DatabaseSettings settings = resolver.resolve().orElseThrow();

        // then
        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/gateway");
        assertThat(settings.user()).contains("llm");
        assertThat(settings.password()).contains("s3cret");
        assertThat(settings.origin()).isEqualTo("env DATABASE_URL");
    }

    @Test
    void should_let_explicit_credentials_win_over_the_urls() {
        // given
        DatabaseSettingsResolver resolver = resolver(Map.of("gw.db.password", "explicit"),
                Map.of("DATABASE_URL", "postgres://llm:from-url@db/gateway"), null);

        // when
        DatabaseSettings settings = resolver.resolve().orElseThrow();

        // then
        assertThat(settings.user()).contains("llm");
        assertThat(settings.password()).contains("explicit");
    }

    @Test
    void should_fall_back_to_the_config_file() {
        // given
        DatabaseSettingsResolver resolver = resolver(Map.of(), Map.of(), "postgres://cfg:pw@db/gateway");

        // when
        DatabaseSettings settings = resolver.resolve().orElseThrow();

        // then
        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://db/gateway");
        assertThat(settings.origin()).isEqualTo("general_settings.database_url");
    }

    @Test
    void should_not_read_the_config_file_when_the_environment_decides() {
        // given
        DatabaseSettingsResolver resolver = new DatabaseSettingsResolver(name -> null,
                Map.of("DATABASE_URL", "postgres://db/gateway")::get,
                () -> { throw new AssertionError("config file read"); });

        // expect
        assertThat(resolver.resolve()).isPresent();
    }

    @Test
    void should_name_the_origin_of_an_invalid_url_but_not_its_credentials() {
        // given
        DatabaseSettingsResolver resolver = resolver(Map.of(), Map.of("DATABASE_URL", "mysql://root:hunter2@db/x"), null);

        // expect
        assertThatThrownBy(resolver::resolve)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("env DATABASE_URL: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void should_describe_itself_without_the_password() {
        // given
        DatabaseSettings settings = resolver(Map.of(), Map.of("DATABASE_URL", "postgres://llm:hunter2@db:5432/gateway"), null)
                .resolve().orElseThrow();

        // expect
        assertThat(settings.toString())
                .isEqualTo("jdbc:postgresql://db:5432/gateway as user llm (from env DATABASE_URL)")
                .doesNotContain("hunter2");
    }
}
