package io.llmgate.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {
    @Test
    void should_never_reveal_the_value_in_to_string() {
        // given
        Secret secret = Secret.of("sk-very-secret-value");

        // then
        assertThat(secret.toString()).isEqualTo("****");
        assertThat(String.valueOf(Optional.of(secret))).doesNotContain("sk-very-secret-value");
        assertThat(List.of(secret).toString()).doesNotContain("sk-very-secret-value");
        assertThat(Map.of("api_key", secret).toString()).doesNotContain("sk-very-secret-value");
    }

    @Test
    void should_not_reveal_the_value_through_the_records_that_hold_it() {
        // given
        GeneralSettings settings = new GeneralSettings(Optional.of(Secret.of("sk-master-secret")), Optional.empty(),
                1, 1, java.util.OptionalLong.empty());

        // then
        assertThat(settings.toString()).doesNotContain("sk-master-secret");
    }

    @Test
    void should_reveal_the_value_on_request() {
        // then
        assertThat(Secret.of("sk-1").reveal()).isEqualTo("sk-1");
    }

    @Test
    void should_compare_by_value() {
        // then
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("a"));
        assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }
}
