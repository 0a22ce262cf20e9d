package io.llmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The gateway configuration of the integration tests, in LiteLLM's config.yaml format. Model names
 * are what clients send; each deployment's upstream model (after the provider prefix) is what the
 * fake upstream sees and what tests script behaviour for.
 */
public final class GatewayConfigFile {

    public static final String MASTER_KEY = "sk-it-master-7f3a9c";
    public static final String UPSTREAM_KEY = "sk-upstream-secret-1";
    public static final int MAX_REQUEST_SIZE_MB = 1;

    /** Every model_name of the file, in order. */
    public static final List<String> MODEL_NAMES = List.of(
            "gpt-4o-mini", "local-vllm", "text-embedding-3-small", "slow-model",
            "dead-upstream", "error-model", "stream-model");

    private GatewayConfigFile() {
    }

    /** The ids of RouterIT's and RouterRecoveryIT's deployments, which are also their upstream model names. */
    public static final Set<String> ROUTER_DEPLOYMENT_IDS = Set.of(
            "rw-light", "rw-heavy", "rr-a", "rr-b", "rp-primary", "rp-backup", "rs-small", "rs-large", "rc-strict",
            "rc-lenient", "rcl-only", "rcd-a", "rcd-b", "rx-a", "rx-b", "ro-first", "ro-second", "rf-dead", "rf-live",
            "rst-a", "rst-b", "rsg-only", "rsl-slow", "rau-a", "rau-b", "rto-slow", "rto-fast");

    /**
     * The router tests' model groups: each deployment has its own upstream model name (so the fake's request log
     * tells which one was called) and a fixed {@code model_info.id} (so {@code x-litellm-model-id} does).
     * Retries are off by default, so the other tests see exactly one upstream call per request.
     */
    private static String routerModels(String base, int closedPort) {
        return """
                  - { model_name: router-weighted, litellm_params: { model: openai/rw-light, api_base: "%1$s", weight: 1 }, model_info: { id: rw-light } }
                  - { model_name: router-weighted, litellm_params: { model: openai/rw-heavy, api_base: "%1$s", weight: 3 }, model_info: { id: rw-heavy } }
                  - { model_name: router-retry, litellm_params: { model: openai/rr-a, api_base: "%1$s" }, model_info: { id: rr-a } }
                  - { model_name: router-retry, litellm_params: { model: openai/rr-b, api_base: "%1$s" }, model_info: { id: rr-b } }
                  - { model_name: router-primary, litellm_params: { model: openai/rp-primary, api_base: "%1$s" }, model_info: { id: rp-primary } }
                  - { model_name: router-backup, litellm_params: { model: openai/rp-backup, api_base: "%1$s" }, model_info: { id: rp-backup } }
                  - { model_name: router-small, litellm_params: { model: openai/rs-small, api_base: "%1$s" }, model_info: { id: rs-small } }
                  - { model_name: router-large, litellm_params: { model: openai/rs-large, api_base: "%1$s" }, model_info: { id: rs-large } }
                  - { model_name: router-strict, litellm_params: { model: openai/rc-strict, api_base: "%1$s" }, model_info: { id: rc-strict } }
                  - { model_name: router-lenient, litellm_params: { model: openai/rc-lenient, api_base: "%1$s" }, model_info: { id: rc-lenient } }
                  - { model_name: router-client, litellm_params: { model: openai/rcl-only, api_base: "%1$s" }, model_info: { id: rcl-only } }
                  - { model_name: router-cooldown, litellm_params: { model: openai/rcd-a, api_base: "%1$s" }, model_info: { id: rcd-a } }
                  - { model_name: router-cooldown, litellm_params: { model: openai/rcd-b, api_base: "%1$s" }, model_info: { id: rcd-b } }
                  - { model_name: router-exhausted, litellm_params: { model: openai/rx-a, api_base: "%1$s" }, model_info: { id: rx-a } }
                  - { model_name: router-exhausted, litellm_params: { model: openai/rx-b, api_base: "%1$s" }, model_info: { id: rx-b } }
                  - { model_name: router-order, litellm_params: { model: openai/ro-first, api_base: "%1$s", order: 1 }, model_info: { id: ro-first } }
                  - { model_name: router-order, litellm_params: { model: openai/ro-second, api_base: "%1$s", order: 2 }, model_info: { id: ro-second } }
                  - { model_name: router-refused, litellm_params: { model: openai/rf-dead, api_base: "http://127.0.0.1:%2$d/v1" }, model_info: { id: rf-dead } }
                  - { model_name: router-refused, litellm_params: { model: openai/rf-live, api_base: "%1$s" }, model_info: { id: rf-live } }
                  - { model_name: router-stream, litellm_params: { model: openai/rst-a, api_base: "%1$s", stream_timeout: 1 }, model_info: { id: rst-a } }
                  - { model_name: router-stream, litellm_params: { model: openai/rst-b, api_base: "%1$s", stream_timeout: 1 }, model_info: { id: rst-b } }
                  - { model_name: router-single, litellm_params: { model: openai/rsg-only, api_base: "%1$s", stream_timeout: 1 }, model_info: { id: rsg-only } }
                  - { model_name: router-slow, litellm_params: { model: openai/rsl-slow, api_base: "%1$s", timeout: 30 }, model_info: { id: rsl-slow } }
                  - { model_name: router-auth, litellm_params: { model: openai/rau-a, api_base: "%1$s" }, model_info: { id: rau-a } }
                  - { model_name: router-auth, litellm_params: { model: openai/rau-b, api_base: "%1$s" }, model_info: { id: rau-b } }
                  - { model_name: router-timeout, litellm_params: { model: openai/rto-slow, api_base: "%1$s", timeout: 1 }, model_info: { id: rto-slow } }
                  - { model_name: router-timeout, litellm_params: { model: openai/rto-fast, api_base: "%1$s" }, model_info: { id: rto-fast } }
                router_settings:
                  num_retries: 0
                  cooldown_time: 2
                  fallbacks: [ { router-primary: [ router-backup ] } ]
                  context_window_fallbacks: [ { router-small: [ router-large ] } ]
                  content_policy_fallbacks: [ { router-strict: [ router-lenient ] } ]
                """.formatted(base, closedPort).stripTrailing();
    }

    static Path write(Path file, String upstreamBaseUrl, int closedPort, String providerModels) {
        String yaml = """
                # written by io.llmgate.it.support.GatewayConfigFile for one test run
                model_list:
                  - model_name: gpt-4o-mini
                    litellm_params: { model: openai/gpt-4o-mini, api_base: "%1$s", api_key: %2$s }
                  - model_name: local-vllm
                    litellm_params: { model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct, api_base: "%1$s" }
                  - model_name: text-embedding-3-small
                    litellm_params: { model: openai/text-embedding-3-small, api_base: "%1$s", api_key: %2$s }
                    model_info: { mode: embedding }
                  - model_name: slow-model
                    litellm_params: { model: openai/slow-model, api_base: "%1$s", timeout: 1 }
                  - model_name: dead-upstream
                    litellm_params: { model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:%3$d/v1" }
                  - model_name: error-model
                    litellm_params: { model: openai/error-model, api_base: "%1$s" }
                  - model_name: stream-model
                    litellm_params: { model: openai/stream-model, api_base: "%1$s" }
                %6$s
                %7$s
                general_settings:
                  master_key: %4$s
                  max_request_size_mb: %5$d
                """.formatted(upstreamBaseUrl, UPSTREAM_KEY, closedPort, MASTER_KEY, MAX_REQUEST_SIZE_MB,
                providerModels.indent(2).stripTrailing(), routerModels(upstreamBaseUrl, closedPort));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
