package io.llmgate.persistence.datasource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void should_turn_a_libpq_url_into_a_jdbc_url_and_credentials() {
        // when
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@h:5432/db?sslmode=disable");

        // then
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=disable");
        assertThat(url.user()).contains("u");
        assertThat(url.password()).contains("p");
    }

    @Test
    void should_accept_the_postgresql_scheme_too() {
        // when
        DatabaseUrl url = DatabaseUrl.parse("postgresql://llm@db.internal/gateway");

        // then
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/gateway");
        assertThat(url.user()).contains("llm");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void should_decode_percent_encoded_credentials_and_keep_plus_signs() {
        // when
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%40ss%2Fw%3Ard+x%25@h/db");

        // then
        assertThat(url.user()).contains("us@er");
        assertThat(url.password()).contains("p@ss/w:rd+x%");
    }

    @Test
    void should_take_credentials_from_query_parameters() {
        // when
        DatabaseUrl url = DatabaseUrl.parse("postgres://h/db?user=alice&password=s%26cret&sslmode=require");

        // then
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?sslmode=require");
        assertThat(url.user()).contains("alice");
        assertThat(url.password()).contains("s&cret");
    }

    @Test
    void should_rename_libpq_parameters_pgjdbc_spells_differently() {
        // when
        DatabaseUrl url = DatabaseUrl.parse("postgres://h/db?connect_timeout=3&application_name=gw&schema=llm");

        // then
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?connectTimeout=3&ApplicationName=gw&currentSchema=llm");
    }

    @Test
    void should_keep_ipv6_hosts_and_several_hosts() {
        // expect
        assertThat(DatabaseUrl.parse("postgres://u@[::1]:5433/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(DatabaseUrl.parse("postgres://u@a:5432,b:5433/db").jdbcUrl()).isEqualTo("jdbc:postgresql://a:5432,b:5433/db");
    }

    @Test
    void should_pass_a_jdbc_url_through_unchanged() {
        // given
        String jdbc = "jdbc:postgresql://h:5432/db?user=x&password=y";

        // when
        DatabaseUrl url = DatabaseUrl.parse(jdbc);

        // then
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
    }

    @Test
    void should_redact_credentials_and_parameters() {
        // expect
        assertThat(DatabaseUrl.parse("postgres://u:secret@h:5432/db?password=other").redacted())
                .isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?password=secret").toString())
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void should_reject_other_schemes_without_repeating_the_url() {
        // expect
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:secret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported scheme 'mysql'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
