package io.llmgate.core.provider.azure;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.Secret;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.testkit.provider.openai.FakeOpenAiProvider;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EntraTokensTest {
    private static FakeOpenAiProvider entra;
    private static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: m
                litellm_params: { model: azure/gpt4o-prod, api_base: "https://res.openai.azure.com" }
            """);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private EntraTokens tokens;

    @BeforeAll
    static void startEntra() {
        entra = FakeOpenAiProvider.azure();
    }

    @AfterAll
    static void stopEntra() {
        entra.close();
    }

    @BeforeEach
    void freshCache() {
        entra.reset();
        tokens = new EntraTokens(HttpClient.newHttpClient(), clock);
    }

    @Test
    void should_request_a_token_by_client_credentials_and_reuse_it_until_shortly_before_it_expires() {
        // given
        EntraTokens.Client client = client("app-secret");

        // when
        String first = tokens.token(client, DEPLOYMENT);
        clock.advance(Duration.ofSeconds(3599).minus(EntraTokens.RENEW_BEFORE).minusSeconds(1));
        String cached = tokens.token(client, DEPLOYMENT);
        clock.advance(Duration.ofSeconds(2));
        String renewed = tokens.token(client, DEPLOYMENT);

        // then
        assertThat(cached).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(entra.tokenRequests()).hasSize(2);
        RecordedRequest request = entra.tokenRequests().get(0);
        assertThat(request.path()).isEqualTo("/tenant-42/oauth2/v2.0/token");
        assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials"
                + "&client_id=app-id&client_secret=app-secret&scope=" + AzureCredential.DEFAULT_SCOPE);
    }

    @Test
    void should_keep_one_token_per_client() {
        // when
        tokens.token(client("app-secret"), DEPLOYMENT);
        tokens.token(client("other-secret"), DEPLOYMENT);
        tokens.token(client("app-secret"), DEPLOYMENT);

        // then
        assertThat(entra.tokenRequests()).hasSize(2);
    }

    @Test
    void should_report_a_rejected_client_as_an_authentication_error_without_the_secret() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> tokens.token(client(FakeOpenAiProvider.REJECTED_CLIENT_SECRET), DEPLOYMENT));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.AUTHENTICATION);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.provider()).isEqualTo("azure");
        assertThat(error.getMessage()).contains("AADSTS7000215").doesNotContain(FakeOpenAiProvider.REJECTED_CLIENT_SECRET);
    }

    @Test
    void should_report_an_unreachable_token_endpoint_as_a_connection_error() {
        // given
        EntraTokens.Client unreachable = new EntraTokens.Client("http://127.0.0.1:1", "t", "app-id", Secret.of("s"),
                AzureCredential.DEFAULT_SCOPE);

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> tokens.token(unreachable, DEPLOYMENT));

        // then
        assertThat(error.type()).isEqualTo(ErrorType.API_CONNECTION);
        assertThat(error.retriable()).isTrue();
    }

    private static EntraTokens.Client client(String secret) {
        return new EntraTokens.Client(entra.apiBase(), "tenant-42", "app-id", Secret.of(secret), AzureCredential.DEFAULT_SCOPE);
    }

    /** A clock tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
