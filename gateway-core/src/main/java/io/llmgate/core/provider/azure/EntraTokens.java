package io.llmgate.core.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.Secret;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.routing.Deployment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Microsoft Entra ID access tokens by the OAuth 2.0 client-credentials grant
 * ({@code POST {authority}/{tenant}/oauth2/v2.0/token}), cached per client until shortly before they expire.
 * Thread-safe: concurrent callers of one client wait for a single token request. The first call per client, and
 * one per token lifetime (an hour by default), waits for the token endpoint on the calling thread.
 */
final class EntraTokens {
    /** Tokens are renewed this long before Entra says they expire, so none expires in flight. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One app registration asking for one scope. {@link #toString()} never shows the secret. */
    record Client(String authority, String tenant, String clientId, Secret secret, String scope) {
        Client {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(scope, "scope");
        }

        URI tokenEndpoint() {
            String base = authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
            return URI.create(base + "/" + encode(tenant) + "/oauth2/v2.0/token");
        }
    }

    private record Token(String value, Instant renewAt) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Map<Client, Object> locks = new ConcurrentHashMap<>();
    private final Map<Client, Token> tokens = new ConcurrentHashMap<>();

    EntraTokens() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC());
    }

    EntraTokens(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token for {@code client}; failures are attributed to {@code deployment}. */
    String token(Client client, Deployment deployment) {
        Token cached = tokens.get(client);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        synchronized (locks.computeIfAbsent(client, c -> new Object())) {
            cached = tokens.get(client);
            if (cached != null && clock.instant().isBefore(cached.renewAt())) {
                return cached.value();
            }
            Token fresh = request(client, deployment);
            tokens.put(client, fresh);
            return fresh.value();
        }
    }

    private Token request(Client client, Deployment deployment) {
        String form = "grant_type=client_credentials&client_id=" + encode(client.clientId())
                + "&client_secret=" + encode(client.secret().reveal()) + "&scope=" + encode(client.scope());
        HttpRequest request = HttpRequest.newBuilder(client.tokenEndpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure(ErrorType.API_CONNECTION, 502, "cannot reach the Entra ID token endpoint "
                    + client.tokenEndpoint().getHost() + ": " + e.getClass().getSimpleName(), deployment, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorType.API_CONNECTION, 502, "interrupted while requesting an Entra ID token", deployment, e);
        }
        JsonNode body = ProviderErrors.parse(response.body());
        String token = body.path("access_token").asText("");
        if (response.statusCode() != 200 || token.isEmpty()) {
            // Entra's error_description names the AADSTS code and the app id, never the secret
            String reason = body.path("error_description").asText(body.path("error").asText("no access_token in the answer"));
            throw failure(ErrorType.AUTHENTICATION, 401, "Entra ID token request failed with " + response.statusCode()
                    + ": " + shorten(reason), deployment, null);
        }
        long lifetime = body.path("expires_in").asLong(3600);
        return new Token(token, clock.instant().plusSeconds(lifetime).minus(RENEW_BEFORE));
    }

    private static GatewayException failure(ErrorType type, int status, String message, Deployment deployment,
                                            Throwable cause) {
        String provider = deployment.provider().name();
        return GatewayException.upstream(type, status, provider + ": " + message, status >= 500, provider,
                deployment.upstreamModel(), cause);
    }

    private static String shorten(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        return firstLine.length() <= 300 ? firstLine : firstLine.substring(0, 300) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
