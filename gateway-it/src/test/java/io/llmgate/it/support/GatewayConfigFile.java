package io.llmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
                general_settings:
                  master_key: %4$s
                  max_request_size_mb: %5$d
                """.formatted(upstreamBaseUrl, UPSTREAM_KEY, closedPort, MASTER_KEY, MAX_REQUEST_SIZE_MB,
                providerModels.indent(2).stripTrailing());
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
