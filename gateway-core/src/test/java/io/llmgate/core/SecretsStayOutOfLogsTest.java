package io.llmgate.core;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.KeyAuthenticator;
import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.pipeline.FixedRuntime;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.pipeline.InferencePipeline;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.testing.CapturedLogs;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.testing.Throwables;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.upstream.FakeOpenAiUpstream;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Keys given to the gateway never show up in a log record or an exception message, whatever goes wrong. */
class SecretsStayOutOfLogsTest {
    private static final String MASTER_KEY = "sk-master-CANARY-41f9e2";
    private static final String API_KEY = "sk-upstream-CANARY-77ab10";
    private static final String ENV_KEY = "sk-env-CANARY-0c3d55";
    private static final List<String> SECRETS = List.of(MASTER_KEY, API_KEY, ENV_KEY);

    private final Map<String, String> environment = Map.of("GROQ_API_KEY", ENV_KEY, "REFERENCED_KEY", ENV_KEY);
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void should_keep_every_configured_key_out_of_logs_and_exception_messages() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CapturedLogs logs = CapturedLogs.capture();
             FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
             UpstreamClient client = new UpstreamClient(UpstreamClientSettings.defaults())) {
            // given: a config that works, with logged warnings (unset variable, ignored sections)
            upstream.script("rejecting-model", Scenario.openAiError(401, "invalid_request_error",
                    "Incorrect API key provided: " + API_KEY, "invalid_api_key"));
            GatewayConfig config = ConfigFiles.load("""
                    general_settings: { master_key: %s }
                    router_settings: { routing_strategy: simple-shuffle }
                    unknown_things: { token: %s }
                    model_list:
                      - model_name: rejecting
                        litellm_params: { model: openai/rejecting-model, api_base: "%s", api_key: %s }
                      - model_name: refused
                        litellm_params: { model: openai/refused-model, api_base: "http://127.0.0.1:%d/v1", api_key: %s }
                      - model_name: from-env
                        litellm_params: { model: groq/llama, api_key: os.environ/UNSET_CANARY_VARIABLE }
                      - model_name: referenced
                        litellm_params: { model: openai/gpt-4o, api_key: os.environ/REFERENCED_KEY }
                    """.formatted(MASTER_KEY, MASTER_KEY, upstream.baseUrl(), API_KEY, closedPort, API_KEY), environment);
            ModelCatalog catalog = ModelCatalog.from(config, ProviderTable.standard(), environment::get);
            KeyAuthenticator authenticator = new KeyAuthenticator(config.general().masterKey());
            authenticator.authenticate(Optional.of(MASTER_KEY + "-wrong"));
            assertThat(catalog.group("from-env").orElseThrow().deployments().get(0).apiKey()).isPresent();

            // when: configurations fail in every way that involves an entry holding a key
            configFails("""
                    model_list:
                      - model_name: bad-rpm
                        litellm_params: { model: openai/gpt-4o, api_key: %s, rpm: "%s" }
                    """.formatted(API_KEY, API_KEY));
            configFails("""
                    model_list:
                      - model_name: bad-base
                        litellm_params: { model: openai/gpt-4o, api_key: %s, api_base: "%s" }
                    """.formatted(API_KEY, API_KEY));
            configFails("""
                    model_list:
                      - model_name: bad-provider
                        litellm_params: { model: %s/gpt-4o, api_key: %s }
                    """.formatted("acme", API_KEY));
            configFails("""
                    model_list:
                      - model_name: no-model
                        litellm_params: { api_key: %s }
                    """.formatted(API_KEY));
            configFails("""
                    general_settings:
                      master_key: "%s
                    """.formatted(MASTER_KEY));
            configFails("""
                    model_list:
                      - model_name: broken
                        litellm_params: { model: openai/gpt-4o, api_key: %s: oops }
                    """.formatted(API_KEY));
            configFails("""
                    general_settings: { master_key: %s, global_max_parallel_requests: "%s" }
                    """.formatted(MASTER_KEY, MASTER_KEY));

            // and: upstream calls fail (refused connection, 401 that quotes the key, streamed and not)
            InferencePipeline pipeline = new InferencePipeline(new FixedRuntime(config, client));
            callFails(pipeline, "refused", false);
            callFails(pipeline, "refused", true);
            callFails(pipeline, "rejecting", false);
            callFails(pipeline, "rejecting", true);

            // then
            assertThat(failures).hasSize(11);
            for (Throwable failure : failures) {
                assertThat(Throwables.texts(failure)).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
            }
            assertThat(logs.records()).isNotEmpty();
            assertThat(logs.everything()).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
            assertThat(catalog.groups().toString()).doesNotContain(SECRETS);
            assertThat(config.general().toString()).doesNotContain(SECRETS);
        }
    }

    private void configFails(String yaml) {
        Path file = ConfigFiles.write(yaml);
        Function<String, String> env = environment::get;
        Throwable thrown = catchThrowable(() -> ModelCatalog.from(new ConfigLoader(env).load(file),
                ProviderTable.standard(), env));
        file.toFile().delete();
        assertThat(thrown).as("config should fail:%n%s", yaml).isNotNull();
        failures.add(thrown);
    }

    private void callFails(InferencePipeline pipeline, String model, boolean stream) {
        InferenceCall call = new InferenceCall("call", Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                ("{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), System.nanoTime());
        Throwable thrown = catchThrowable(() -> pipeline.execute(call).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertThat(thrown).as("call to %s should fail", model).hasCauseInstanceOf(GatewayException.class);
        failures.add(thrown);
    }
}
