package io.llmgate.testkit.provider.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's OAuth token endpoint for a service account: takes the JWT-bearer grant
 * ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<RS256 JWT>}), checks the
 * assertion's signature against the account's public key and its claims, and issues an access token.
 */
final class TokenEndpoint {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    /** The audience Google's token endpoint expects; clients send it whatever token_uri they post to. */
    static final String GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token";

    private final PublicKey accountKey;
    private final String tokenUri;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger grants = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);

    TokenEndpoint(PublicKey accountKey, String tokenUri) {
        this.accountKey = accountKey;
        this.tokenUri = tokenUri;
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    int grants() {
        return grants.get();
    }

    boolean isIssued(String token) {
        return issued.contains(token);
    }

    void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
        Map<String, String> form = form(request.body());
        if (!GRANT_TYPE.equals(form.get("grant_type"))) {
            refuse(exchange, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
            return;
        }
        String problem = assertionProblem(form.getOrDefault("assertion", ""));
        if (problem != null) {
            refuse(exchange, "invalid_grant", problem);
            return;
        }
        String token = "ya29.fake-" + grants.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        issued.add(token);
        Replies.json(exchange, 200, Replies.JSON.createObjectNode().put("access_token", token)
                .put("expires_in", lifetime.toSeconds()).put("token_type", "Bearer"));
    }

    private static void refuse(HttpExchange exchange, String error, String description) throws IOException {
        Replies.json(exchange, 400, Replies.JSON.createObjectNode().put("error", error)
                .put("error_description", description));
    }

    /** Why the assertion is not acceptable, or null when it is. */
    private String assertionProblem(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "Invalid JWT: not three segments.";
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(accountKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "Invalid JWT Signature.";
            }
            JsonNode claims = Replies.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!ServiceAccount.CLIENT_EMAIL.equals(claims.path("iss").asText())) {
                return "Invalid JWT: iss " + claims.path("iss").asText();
            }
            String audience = claims.path("aud").asText();
            if (!GOOGLE_AUDIENCE.equals(audience) && !tokenUri.equals(audience)) {
                return "Invalid JWT: aud " + claims.path("aud").asText();
            }
            if (!claims.path("scope").asText().contains(SCOPE)) {
                return "Invalid JWT: scope " + claims.path("scope").asText();
            }
            return claims.path("exp").asLong() > Instant.now().getEpochSecond() ? null : "Invalid JWT: expired";
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return "Invalid JWT: " + e.getClass().getSimpleName();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
