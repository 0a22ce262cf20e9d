package io.llmgate.bench;

import io.llmgate.testkit.provider.anthropic.FakeAnthropic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway's LiteLLM-style {@code config.yaml} for the benchmark: two models on the fake OpenAI upstream,
 * one on the fake Anthropic API (to measure translation), and a master key.
 */
final class GatewayConfigFile {
    static final String CHAT_MODEL = "bench-model";
    static final String STREAM_MODEL = "bench-stream";
    static final String UPSTREAM_KEY = "sk-bench-upstream";
    /** A chat model on the Anthropic adapter: the same request, translated both ways. */
    static final String ANTHROPIC_MODEL = "bench-anthropic";

    private GatewayConfigFile() {
    }

    static Path write(Path dir, String upstreamBaseUrl, String anthropicBaseUrl, String masterKey) throws IOException {
        String yaml = "# written by io.llmgate.bench.GatewayBenchmark\n"
                + "model_list:\n"
                + deployment(CHAT_MODEL, upstreamBaseUrl)
                + deployment(STREAM_MODEL, upstreamBaseUrl)
                + "  - model_name: " + ANTHROPIC_MODEL + "\n"
                + "    litellm_params:\n"
                + "      model: anthropic/claude-bench\n"
                + "      api_base: \"" + anthropicBaseUrl + "\"\n"
                + "      api_key: \"" + FakeAnthropic.API_KEY + "\"\n"
                + "general_settings:\n"
                + "  master_key: \"" + masterKey + "\"\n";
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    private static String deployment(String model, String apiBase) {
        return "  - model_name: " + model + "\n"
                + "    litellm_params:\n"
                + "      model: openai/" + model + "\n"
                + "      api_base: \"" + apiBase + "\"\n"
                + "      api_key: \"" + UPSTREAM_KEY + "\"\n";
    }
}
