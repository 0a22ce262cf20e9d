package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code model_list} entries, naming the entry and field of any value it cannot use. */
final class DeploymentReader {
    /** litellm_params keys that steer the gateway rather than being sent upstream as body parameters. */
    private static final Set<String> GATEWAY_PARAMS = Set.of("model", "api_base", "base_url", "api_key", "api_version",
            "organization", "timeout", "stream_timeout", "rpm", "tpm", "weight", "order", "max_parallel_requests",
            "max_retries", "num_retries", "cooldown_time", "extra_headers", "drop_params", "tags", "region_name",
            "merge_reasoning_content_in_choices", "guardrails", "use_in_pass_through", "litellm_credential_name",
            "input_cost_per_token", "output_cost_per_token", "input_cost_per_second", "output_cost_per_second",
            "custom_llm_provider", "configurable_clientside_auth_params", "mock_response", "azure_ad_token",
            "tenant_id", "client_id", "client_secret", "litellm_trace_id", "model_info", "additional_drop_params");
    private static final List<String> GATEWAY_PARAM_PREFIXES = List.of("aws_", "vertex_", "azure_", "google_");

    private final String file;

    DeploymentReader(String file) {
        this.file = file;
    }

    List<DeploymentConfig> readAll(JsonNode modelList) {
        if (modelList == null || modelList.isNull()) {
            return List.of();
        }
        if (!modelList.isArray()) {
            throw new ConfigException(file + ": model_list must be a list, got " + FieldReader.describe(modelList));
        }
        List<DeploymentConfig> deployments = new ArrayList<>();
        for (int i = 0; i < modelList.size(); i++) {
            deployments.add(read(i, modelList.get(i)));
        }
        return deployments;
    }

    private DeploymentConfig read(int index, JsonNode entry) {
        return read(file + ": model_list[" + index + "]", entry);
    }

    /** One entry; {@code where} starts every error message. */
    DeploymentConfig read(String where, JsonNode entry) {
        String modelName = FieldReader.of(where, "", entry).requiredString("model_name");
        where += " (model_name \"" + modelName + "\")";
        FieldReader entryReader = FieldReader.of(where, "", entry);
        if (entryReader.node().get("litellm_params") == null) {
            throw new ConfigException(where + ": litellm_params is required");
        }
        FieldReader params = entryReader.object("litellm_params");
        FieldReader info = entryReader.object("model_info");
        LitellmParams litellm = new LitellmParams(
                params.requiredString("model"),
                params.string("api_base").or(() -> params.string("base_url")),
                params.string("api_key").filter(s -> !s.isBlank()).map(Secret::of),
                params.string("api_version"),
                params.string("organization"),
                params.seconds("timeout"),
                params.seconds("stream_timeout"),
                params.integer("rpm"),
                params.integer("tpm"),
                params.number("weight"),
                headers(params.object("extra_headers")),
                bodyDefaults(params.node()),
                new ProviderSettings(gatewayParams(params.node())));
        String id = info.string("id").filter(s -> !s.isBlank())
                .orElseGet(() -> digest(modelName, entryReader.node().get("litellm_params")));
        return new DeploymentConfig(modelName, id, litellm, info.node().deepCopy(), RoutingParams.read(params, info));
    }

    private static Map<String, String> headers(FieldReader headers) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        headers.node().fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            headers.string(name).ifPresent(v -> values.put(name, v));
        }
        return values;
    }

    private static ObjectNode bodyDefaults(ObjectNode params) {
        ObjectNode defaults = params.objectNode();
        params.properties().forEach(field -> {
            if (!isGatewayParam(field.getKey()) && !field.getValue().isNull()) {
                defaults.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return defaults;
    }

    private static ObjectNode gatewayParams(ObjectNode params) {
        ObjectNode settings = params.objectNode();
        params.properties().forEach(field -> {
            if (isGatewayParam(field.getKey()) && !field.getValue().isNull()) {
                settings.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return settings;
    }

    private static boolean isGatewayParam(String name) {
        return GATEWAY_PARAMS.contains(name) || GATEWAY_PARAM_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * A stable id when model_info.id is absent, like LiteLLM's hash of the deployment's params; credentials
     * are left out so the id survives key rotation and never derives from a secret.
     */
    private static String digest(String modelName, JsonNode litellmParams) {
        ObjectNode params = ((ObjectNode) litellmParams).deepCopy();
        params.remove(params.properties().stream().map(Map.Entry::getKey)
                .filter(n -> n.contains("key") || n.contains("secret") || n.contains("token") || n.contains("password"))
                .toList());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(params.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
