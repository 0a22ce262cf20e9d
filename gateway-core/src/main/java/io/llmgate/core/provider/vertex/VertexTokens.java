package io.llmgate.core.provider.vertex;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * OAuth access tokens for Vertex AI, from Google's auth library. Credentials are loaded once per source and
 * kept; the library caches the token and {@code refreshIfExpired} fetches a new one only when it is about to
 * expire. That fetch is a blocking HTTP call on the calling thread (the request thread in
 * {@code toUpstream}): only the first call and the one per hour that finds the token expiring pay for it.
 * Thread-safe: the library serializes refreshes of one credential.
 */
final class VertexTokens {
    private final ConcurrentMap<String, GoogleCredentials> credentials = new ConcurrentHashMap<>();

    /** The deployment's credentials (loaded on first use), for the project id they may name. */
    GoogleCredentials credentials(VertexCredentialSource source, Deployment deployment) {
        return credentials.computeIfAbsent(source.key(), key -> load(source, deployment));
    }

    /** A valid access token, refreshed first when it is missing or about to expire. */
    String accessToken(GoogleCredentials credentials, VertexCredentialSource source, Deployment deployment) {
        try {
            credentials.refreshIfExpired();
            AccessToken token = credentials.getAccessToken();
            if (token == null) {
                throw new IOException("no access token");
            }
            return token.getTokenValue();
        } catch (IOException e) {
            throw tokenFailure(e, source, deployment);
        }
    }

    private static GoogleCredentials load(VertexCredentialSource source, Deployment deployment) {
        try {
            return source.load();
        } catch (IOException | RuntimeException e) {
            // the library's message may quote the JSON it could not parse: name the source only
            throw error(ErrorType.AUTHENTICATION, 401, "cannot load " + source.description()
                    + " (" + e.getClass().getSimpleName() + ")", false, deployment);
        }
    }

    /** Google's token endpoint refusing the grant is an auth error; not reaching it may pass on a retry. */
    private static GatewayException tokenFailure(IOException e, VertexCredentialSource source, Deployment deployment) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof HttpResponseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpResponseException refused && refused.getStatusCode() < 500) {
            return error(ErrorType.AUTHENTICATION, 401, "the token endpoint refused " + source.description()
                    + " (HTTP " + refused.getStatusCode() + ")", false, deployment);
        }
        return error(ErrorType.API_CONNECTION, 502, "could not get an access token for " + source.description()
                + " (" + (cause instanceof HttpResponseException failed ? "HTTP " + failed.getStatusCode()
                : e.getClass().getSimpleName()) + ")", true, deployment);
    }

    private static GatewayException error(ErrorType type, int status, String message, boolean retriable,
                                          Deployment deployment) {
        return GatewayException.upstream(type, status, VertexAdapter.PROVIDER + ": " + message, retriable,
                VertexAdapter.PROVIDER, deployment.upstreamModel(), null);
    }
}
