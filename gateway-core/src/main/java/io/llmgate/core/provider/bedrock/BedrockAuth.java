package io.llmgate.core.provider.bedrock;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.config.Secret;
import io.llmgate.core.routing.Deployment;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a deployment proves itself to Bedrock, first match wins: its {@code api_key} (a Bedrock API key, sent as a
 * bearer token); its {@code aws_access_key_id} / {@code aws_secret_access_key} (+ {@code aws_session_token}),
 * signed with SigV4; the environment's {@code AWS_BEARER_TOKEN_BEDROCK}; the environment's
 * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}).
 * Profiles, role assumption and instance credentials are not looked up.
 */
final class BedrockAuth {
    static final String SERVICE = "bedrock";

    private final Clock clock;
    private final Function<String, String> environment;

    BedrockAuth(Clock clock, Function<String, String> environment) {
        this.clock = clock;
        this.environment = environment;
    }

    /** The headers that authorize a POST of {@code body} to {@code uri}, given the {@code headers} sent besides. */
    List<Map.Entry<String, String>> headers(Deployment deployment, URI uri, List<Map.Entry<String, String>> headers,
                                            byte[] body) {
        LitellmParams params = deployment.config().params();
        if (params.apiKey().isPresent()) {
            return bearer(params.apiKey().get());
        }
        Optional<AwsCredentialsIdentity> configured = credentials(params.settings()::secret,
                "aws_access_key_id", "aws_secret_access_key", "aws_session_token");
        if (configured.isEmpty() && deployment.apiKey().isPresent()) {
            return bearer(deployment.apiKey().get()); // AWS_BEARER_TOKEN_BEDROCK, read by the catalog
        }
        AwsCredentialsIdentity credentials = configured
                .or(() -> credentials(name -> Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank())
                        .map(Secret::of), "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"))
                .orElseThrow(() -> missingCredentials(deployment));
        return SigV4.sign("POST", uri, headers, body, credentials, SERVICE, BedrockEndpoint.signingRegion(deployment, environment),
                clock);
    }

    private static List<Map.Entry<String, String>> bearer(Secret key) {
        return List.of(Map.entry("Authorization", "Bearer " + key.reveal()));
    }

    private static Optional<AwsCredentialsIdentity> credentials(Function<String, Optional<Secret>> source, String idName,
                                                                String secretName, String tokenName) {
        Optional<Secret> id = source.apply(idName);
        Optional<Secret> secret = source.apply(secretName);
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> token = source.apply(tokenName);
        return Optional.of(token.isPresent()
                ? AwsSessionCredentialsIdentity.create(id.get().reveal(), secret.get().reveal(), token.get().reveal())
                : AwsCredentialsIdentity.create(id.get().reveal(), secret.get().reveal()));
    }

    private static GatewayException missingCredentials(Deployment deployment) {
        return GatewayException.upstream(ErrorType.AUTHENTICATION, 401, "No AWS credentials for bedrock deployment "
                        + deployment.id() + ": set aws_access_key_id and aws_secret_access_key (or api_key for a Bedrock"
                        + " API key) in litellm_params, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment",
                false, BedrockAdapter.PROVIDER, deployment.upstreamModel(), null);
    }
}
