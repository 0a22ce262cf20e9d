package io.llmgate.core.provider.bedrock;

import io.llmgate.core.config.LitellmParams;
import io.llmgate.core.config.ProviderSettings;
import io.llmgate.core.routing.Deployment;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a Bedrock deployment's requests go and which region signs them. The base is {@code api_base}, else
 * {@code aws_bedrock_runtime_endpoint} (or {@code AWS_BEDROCK_RUNTIME_ENDPOINT}), else the regional endpoint
 * {@code https://bedrock-runtime.<region>.amazonaws.com}; the region is {@code aws_region_name}, else the
 * environment's ({@code AWS_REGION_NAME}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}), else LiteLLM's
 * default {@value #DEFAULT_REGION}.
 */
final class BedrockEndpoint {
    static final String DEFAULT_REGION = "us-west-2";
    private static final Pattern REGIONAL_HOST =
            Pattern.compile("bedrock-runtime(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    private BedrockEndpoint() {
    }

    /** The base URL for a deployment without {@code api_base}. */
    static String apiBase(LitellmParams params, Function<String, String> environment) {
        ProviderSettings settings = params.settings();
        return settings.text("aws_bedrock_runtime_endpoint")
                .or(() -> nonBlank(environment.apply("AWS_BEDROCK_RUNTIME_ENDPOINT")))
                .orElseGet(() -> regionalBase(configuredRegion(settings, environment).orElse(DEFAULT_REGION)));
    }

    /**
     * The region requests to {@code deployment} are signed for: the configured one, else the one its regional
     * host names (the base was derived from it), else the environment's, else the default.
     */
    static String signingRegion(Deployment deployment, Function<String, String> environment) {
        ProviderSettings settings = deployment.config().params().settings();
        return settings.text("aws_region_name")
                .or(() -> hostRegion(deployment.apiBase().getHost()))
                .or(() -> configuredRegion(settings, environment))
                .orElse(DEFAULT_REGION);
    }

    static String regionalBase(String region) {
        return "https://bedrock-runtime." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
    }

    private static Optional<String> configuredRegion(ProviderSettings settings, Function<String, String> environment) {
        return settings.text("aws_region_name").or(() -> Stream.of("AWS_REGION_NAME", "AWS_REGION", "AWS_DEFAULT_REGION")
                .map(environment).map(BedrockEndpoint::nonBlank).flatMap(Optional::stream).findFirst());
    }

    private static Optional<String> hostRegion(String host) {
        Matcher matcher = REGIONAL_HOST.matcher(host == null ? "" : host);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
