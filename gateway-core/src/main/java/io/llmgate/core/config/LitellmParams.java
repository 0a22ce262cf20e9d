package io.llmgate.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A deployment's {@code litellm_params}.
 *
 * @param model         {@code provider/upstream-model}, e.g. {@code openai/gpt-4o}
 * @param bodyDefaults  extra params (temperature, max_tokens, ...) sent upstream unless the request sets them
 * @param extraHeaders  {@code extra_headers} added to every upstream request
 * @param settings      the other non-body params, for the provider adapter ({@code aws_*}, {@code vertex_*}, ...)
 */
public record LitellmParams(String model, Optional<String> apiBase, Optional<Secret> apiKey,
                            Optional<String> apiVersion, Optional<String> organization,
                            Optional<Duration> timeout, Optional<Duration> streamTimeout,
                            OptionalLong rpm, OptionalLong tpm, OptionalDouble weight,
                            Map<String, String> extraHeaders, ObjectNode bodyDefaults,
                            ProviderSettings settings) {
    public LitellmParams {
        Objects.requireNonNull(model, "model");
        extraHeaders = Map.copyOf(extraHeaders);
        Objects.requireNonNull(bodyDefaults, "bodyDefaults");
        Objects.requireNonNull(settings, "settings");
    }

    /** Header values and body defaults may carry credentials: only their names are shown. */
    @Override
    public String toString() {
        return "LitellmParams[model=" + model + ", apiBase=" + apiBase.orElse("default")
                + ", extraHeaders=" + extraHeaders.keySet() + ", bodyDefaults=" + bodyDefaults.size() + " fields, "
                + settings + "]";
    }
}
