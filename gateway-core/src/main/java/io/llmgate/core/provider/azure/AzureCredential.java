package io.llmgate.core.provider.azure;

import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.config.ProviderSettings;
import io.llmgate.core.config.Secret;
import io.llmgate.core.routing.Deployment;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The header that authenticates a call to Azure OpenAI, in LiteLLM's order: the deployment's own {@code api_key}
 * ({@code api-key} header); else its {@code azure_ad_token} (a static Entra ID token, {@code Authorization: Bearer});
 * else its {@code tenant_id}/{@code client_id}/{@code client_secret} (a client-credentials token from
 * {@link EntraTokens}); else the key from {@code AZURE_API_KEY}; else client credentials from {@code AZURE_TENANT_ID},
 * {@code AZURE_CLIENT_ID} and {@code AZURE_CLIENT_SECRET}.
 */
final class AzureCredential {
    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    static final String DEFAULT_SCOPE = "https://cognitiveservices.azure.com/.default";

    private final Function<String, String> environment;
    private final EntraTokens tokens;

    AzureCredential(Function<String, String> environment, EntraTokens tokens) {
        this.environment = environment;
        this.tokens = tokens;
    }

    Optional<Map.Entry<String, String>> header(Deployment deployment) {
        LitellmParams params = deployment.config().params();
        ProviderSettings settings = params.settings();
        if (params.apiKey().isPresent()) {
            return Optional.of(apiKey(params.apiKey().get()));
        }
        Optional<Secret> adToken = settings.secret("azure_ad_token");
        if (adToken.isPresent()) {
            return Optional.of(bearer(adToken.get().reveal()));
        }
        Optional<EntraTokens.Client> configured = client(settings::text);
        if (configured.isPresent()) {
            return Optional.of(bearer(tokens.token(configured.get(), deployment)));
        }
        if (deployment.apiKey().isPresent()) {
            return Optional.of(apiKey(deployment.apiKey().get()));
        }
        return client(name -> Optional.ofNullable(environment.apply(envName(name))).filter(v -> !v.isBlank()))
                .map(client -> bearer(tokens.token(client, deployment)));
    }

    /** Client credentials when all three parts are given; the authority host and scope may be overridden. */
    private Optional<EntraTokens.Client> client(Function<String, Optional<String>> setting) {
        Optional<String> tenant = setting.apply("tenant_id");
        Optional<String> clientId = setting.apply("client_id");
        Optional<String> secret = setting.apply("client_secret");
        if (tenant.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        String authority = setting.apply("azure_authority_host")
                .or(() -> Optional.ofNullable(environment.apply("AZURE_AUTHORITY_HOST")).filter(v -> !v.isBlank()))
                .orElse(DEFAULT_AUTHORITY);
        String scope = setting.apply("azure_scope").orElse(DEFAULT_SCOPE);
        return Optional.of(new EntraTokens.Client(authority, tenant.get(), clientId.get(), Secret.of(secret.get()), scope));
    }

    /** {@code tenant_id} → {@code AZURE_TENANT_ID}, the variables the Azure SDKs read. */
    private static String envName(String setting) {
        return setting.startsWith("azure_") ? setting.toUpperCase() : "AZURE_" + setting.toUpperCase();
    }

    private static Map.Entry<String, String> apiKey(Secret key) {
        return Map.entry("api-key", key.reveal());
    }

    private static Map.Entry<String, String> bearer(String token) {
        return Map.entry("Authorization", "Bearer " + token);
    }
}
