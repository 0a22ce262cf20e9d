package io.llmgate.core.secret;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredCredentialsTest {
    private final CredentialCipher cipher = new CredentialCipher("salt-key-for-tests");

    @Test
    void should_round_trip_a_value_with_a_fresh_nonce_each_time() {
        // when
        String first = cipher.encrypt("sk-secret");
        String second = cipher.encrypt("sk-secret");

        // then
        assertThat(first).startsWith("enc:v1:").doesNotContain("sk-secret").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("sk-secret");
        assertThat(cipher.decrypt(second)).isEqualTo("sk-secret");
    }

    @Test
    void should_refuse_an_altered_value_or_another_salt_key() {
        // given
        String sealed = cipher.encrypt("sk-secret");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        // expect
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("sk-secret");
        assertThatThrownBy(() -> new CredentialCipher("another-salt").decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong salt key");
    }

    @Test
    void should_seal_only_credential_fields_and_keep_environment_references_readable() throws Exception {
        // given
        ObjectNode params = (ObjectNode) Json.mapper().readTree("""
                {"model": "bedrock/x", "api_base": "https://example.com", "api_key": "sk-1",
                 "aws_secret_access_key": "aws-2", "aws_region_name": "eu-west-1", "max_tokens": 100,
                 "client_secret": "os.environ/AZURE_SECRET", "nested": {"access_token": "tok-3"}}
                """);
        StoredCredentials credentials = new StoredCredentials(cipher);

        // when
        ObjectNode sealed = credentials.seal(params);

        // then
        assertThat(sealed.toString()).doesNotContain("sk-1").doesNotContain("aws-2").doesNotContain("tok-3")
                .contains("eu-west-1").contains("https://example.com").contains("os.environ/AZURE_SECRET");
        assertThat(sealed.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(credentials.open(sealed)).isEqualTo(params);
        assertThat(params.path("api_key").asText()).isEqualTo("sk-1"); // the caller's object is untouched
    }
}
