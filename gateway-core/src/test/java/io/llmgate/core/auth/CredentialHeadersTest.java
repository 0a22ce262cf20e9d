package io.llmgate.core.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialHeadersTest {
    @Test
    void should_prefer_x_litellm_api_key_over_every_other_header() {
        // when
        Optional<String> key = presentedKey(Map.of("x-litellm-api-key", "k-litellm", "Authorization", "Bearer k-bearer",
                "api-key", "k-azure", "x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-litellm");
    }

    @Test
    void should_prefer_a_bearer_token_over_azure_and_anthropic_headers() {
        // when
        Optional<String> key = presentedKey(Map.of("Authorization", "Bearer k-bearer", "api-key", "k-azure",
                "x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-bearer");
    }

    @Test
    void should_prefer_azures_api_key_over_anthropics_x_api_key() {
        // when
        Optional<String> key = presentedKey(Map.of("api-key", "k-azure", "x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-azure");
    }

    @Test
    void should_accept_anthropics_x_api_key_alone() {
        // when
        Optional<String> key = presentedKey(Map.of("x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-anthropic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer sk-1", "bearer sk-1", "BEARER sk-1", "BeArEr sk-1", "Bearer   sk-1  "})
    void should_read_the_bearer_scheme_case_insensitively_and_trim_the_key(String authorization) {
        // when
        Optional<String> key = presentedKey(Map.of("Authorization", authorization));

        // then
        assertThat(key).contains("sk-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "sk-1", "Bearer", "Bearer ", "Bearer    ", "Token sk-1", "Bearersk-1"})
    void should_ignore_an_authorization_header_without_a_bearer_token(String authorization) {
        // when
        Optional<String> key = presentedKey(Map.of("Authorization", authorization));

        // then
        assertThat(key).isEmpty();
    }

    @Test
    void should_fall_through_a_non_bearer_authorization_to_the_next_header() {
        // when
        Optional<String> key = presentedKey(Map.of("Authorization", "Basic dXNlcjpwYXNz", "x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-anthropic");
    }

    @Test
    void should_skip_blank_values_and_use_the_next_header() {
        // when
        Optional<String> key = presentedKey(Map.of("x-litellm-api-key", "   ", "Authorization", "Bearer  ",
                "api-key", "", "x-api-key", "k-anthropic"));

        // then
        assertThat(key).contains("k-anthropic");
    }

    @Test
    void should_find_no_key_without_credential_headers() {
        // when
        Optional<String> key = presentedKey(Map.of("Content-Type", "application/json"));

        // then
        assertThat(key).isEmpty();
    }

    @Test
    void should_trim_keys_from_every_header() {
        // when
        Optional<String> key = presentedKey(Map.of("x-litellm-api-key", "  k-padded \t"));

        // then
        assertThat(key).contains("k-padded");
    }

    /** Header lookup as JAX-RS does it: names match case-insensitively. */
    private static Optional<String> presentedKey(Map<String, String> headers) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return CredentialHeaders.presentedKey(byName::get);
    }
}
