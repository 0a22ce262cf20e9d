package io.llmgate.core.auth;

import io.llmgate.core.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyAuthenticatorTest {
    private final KeyAuthenticator authenticator = new KeyAuthenticator(Optional.of(Secret.of("sk-master-1234")));

    @Test
    void should_accept_the_master_key_as_the_proxy_admin() {
        // when
        Optional<Caller> caller = authenticator.authenticate(Optional.of("sk-master-1234"));

        // then
        assertThat(caller).contains(Caller.MASTER);
        assertThat(caller.orElseThrow().role()).isEqualTo(Caller.Role.PROXY_ADMIN);
        assertThat(caller.orElseThrow().id()).doesNotContain("sk-master-1234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-master-123", "sk-master-12345", "SK-MASTER-1234", "", " sk-master-1234", "wrong"})
    void should_reject_a_wrong_key(String presented) {
        // when
        Optional<Caller> caller = authenticator.authenticate(Optional.of(presented));

        // then
        assertThat(caller).isEmpty();
    }

    @Test
    void should_reject_a_request_without_a_key() {
        // when
        Optional<Caller> caller = authenticator.authenticate(Optional.empty());

        // then
        assertThat(caller).isEmpty();
    }

    @Test
    void should_reject_everything_when_no_master_key_is_configured() {
        // given
        KeyAuthenticator unconfigured = new KeyAuthenticator(Optional.empty());

        // then
        assertThat(unconfigured.hasMasterKey()).isFalse();
        assertThat(unconfigured.authenticate(Optional.of("sk-master-1234"))).isEmpty();
        assertThat(unconfigured.authenticate(Optional.of(""))).isEmpty();
        assertThat(unconfigured.authenticate(Optional.empty())).isEmpty();
    }

    @Test
    void should_say_whether_a_master_key_is_configured() {
        // then
        assertThat(authenticator.hasMasterKey()).isTrue();
    }
}
