package io.llmgate.core.config;

import io.llmgate.core.testing.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();

    @Test
    void should_bind_a_full_litellm_style_config() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o
                      api_base: https://llm.example.com/v1
                      api_key: sk-test-123
                      api_version: "2024-06-01"
                      organization: org-42
                      timeout: 30
                      stream_timeout: 2.5
                      rpm: 600
                      tpm: 100000
                      weight: 3
                      temperature: 0.2
                      max_tokens: 512
                      extra_headers:
                        X-Team: blue
                      aws_region_name: eu-west-1
                      vertex_credentials: {type: service_account}
                      drop_params: true
                    model_info:
                      id: gpt4o-primary
                      mode: chat
                  - model_name: gpt-4o
                    litellm_params:
                      model: openai/gpt-4o-mini
                general_settings:
                  master_key: sk-master-1
                  database_url: postgres://u:p@db.example.com/llmgate
                  max_request_size_mb: 1.5
                  max_response_size_mb: 2
                  global_max_parallel_requests: 7
                """);

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.source()).contains(file.toAbsolutePath().toString());
        assertThat(config.models()).hasSize(2);
        DeploymentConfig first = config.models().get(0);
        assertThat(first.modelName()).isEqualTo("gpt-4o");
        assertThat(first.id()).isEqualTo("gpt4o-primary");
        assertThat(first.modelInfo().path("mode").asText()).isEqualTo("chat");
        LitellmParams params = first.params();
        assertThat(params.model()).isEqualTo("openai/gpt-4o");
        assertThat(params.apiBase()).contains("https://llm.example.com/v1");
        assertThat(params.apiKey()).map(Secret::reveal).contains("sk-test-123");
        assertThat(params.apiVersion()).contains("2024-06-01");
        assertThat(params.organization()).contains("org-42");
        assertThat(params.timeout()).contains(Duration.ofSeconds(30));
        assertThat(params.streamTimeout()).contains(Duration.ofMillis(2500));
        assertThat(params.rpm()).hasValue(600);
        assertThat(params.tpm()).hasValue(100_000);
        assertThat(params.weight()).hasValue(3.0);
        assertThat(params.extraHeaders()).containsExactly(Map.entry("X-Team", "blue"));
        assertThat(params.bodyDefaults().toString()).isEqualTo("{\"temperature\":0.2,\"max_tokens\":512}");
        assertThat(params.settings().text("aws_region_name")).contains("eu-west-1");
        assertThat(params.settings().node("vertex_credentials").map(n -> n.path("type").asText())).contains("service_account");
        assertThat(params.settings().flag("drop_params")).isTrue();
        assertThat(params.settings().text("temperature")).as("body params are not settings").isEmpty();
        assertThat(params.settings().toString()).doesNotContain("service_account");
        assertThat(params.toString()).as("header values and credentials stay out of toString")
                .contains("X-Team").doesNotContain("blue", "sk-test-123");
        assertThat(config.general().toString()).doesNotContain("u:p@", "sk-master-1");

        DeploymentConfig second = config.models().get(1);
        assertThat(second.params().model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(second.params().apiBase()).isEmpty();
        assertThat(second.params().apiKey()).isEmpty();
        assertThat(second.params().timeout()).isEmpty();
        assertThat(second.params().rpm()).isEmpty();
        assertThat(second.params().bodyDefaults()).isEmpty();
        assertThat(second.id()).matches("[0-9a-f]{64}");

        GeneralSettings general = config.general();
        assertThat(general.masterKey()).map(Secret::reveal).contains("sk-master-1");
        assertThat(general.databaseUrl()).contains("postgres://u:p@db.example.com/llmgate");
        assertThat(general.maxRequestBytes()).isEqualTo(1_572_864L);
        assertThat(general.maxResponseBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(general.globalMaxParallelRequests()).hasValue(7);
    }

    @Test
    void should_accept_base_url_as_an_alias_of_api_base() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: local
                    litellm_params: { model: hosted_vllm/llama, base_url: "http://vllm:8000/v1" }
                """);

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.models().get(0).params().apiBase()).contains("http://vllm:8000/v1");
    }

    @Test
    void should_use_defaults_for_general_settings_that_are_not_given() throws IOException {
        // given
        Path file = write("model_list: []\n");

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.models()).isEmpty();
        assertThat(config.general().masterKey()).isEmpty();
        assertThat(config.general().databaseUrl()).isEmpty();
        assertThat(config.general().maxRequestBytes()).isEqualTo(GeneralSettings.DEFAULT_MAX_REQUEST_BYTES);
        assertThat(config.general().maxResponseBytes()).isEqualTo(GeneralSettings.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(config.general().globalMaxParallelRequests()).isEmpty();
    }

    @Test
    void should_read_an_empty_file_as_an_empty_config() throws IOException {
        // given
        Path file = write("");

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.models()).isEmpty();
        assertThat(config.source()).isPresent();
    }

    @Test
    void should_resolve_environment_references_anywhere_in_the_file() throws IOException {
        // given
        environment.putAll(Map.of("UPSTREAM_KEY", "sk-from-env", "UPSTREAM_BASE", "http://vllm.internal:8000/v1",
                "MASTER", "sk-master-env", "RPM", "120", "TIMEOUT", "2.5", "TEAM", "green", "TEMP", "0.7"));
        Path file = write("""
                model_list:
                  - model_name: local
                    litellm_params:
                      model: hosted_vllm/llama
                      api_base: os.environ/UPSTREAM_BASE
                      api_key: os.environ/UPSTREAM_KEY
                      rpm: os.environ/RPM
                      timeout: os.environ/TIMEOUT
                      temperature: os.environ/TEMP
                      extra_headers: { X-Team: os.environ/TEAM }
                      stop: [ "os.environ/TEAM", "literal" ]
                general_settings:
                  master_key: os.environ/MASTER
                """);

        // when
        GatewayConfig config = load(file);

        // then
        LitellmParams params = config.models().get(0).params();
        assertThat(params.apiBase()).contains("http://vllm.internal:8000/v1");
        assertThat(params.apiKey()).map(Secret::reveal).contains("sk-from-env");
        assertThat(params.rpm()).hasValue(120);
        assertThat(params.timeout()).contains(Duration.ofMillis(2500));
        assertThat(params.extraHeaders()).containsEntry("X-Team", "green");
        assertThat(params.bodyDefaults().path("temperature").asText()).isEqualTo("0.7");
        assertThat(params.bodyDefaults().path("stop").toString()).isEqualTo("[\"green\",\"literal\"]");
        assertThat(config.general().masterKey()).map(Secret::reveal).contains("sk-master-env");
    }

    @Test
    void should_accept_numbers_written_as_strings() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o, rpm: "100", tpm: " 2000 ", weight: "0.5", timeout: "1.5" }
                general_settings: { max_request_size_mb: "2", global_max_parallel_requests: "3" }
                """);

        // when
        GatewayConfig config = load(file);

        // then
        LitellmParams params = config.models().get(0).params();
        assertThat(params.rpm()).hasValue(100);
        assertThat(params.tpm()).hasValue(2000);
        assertThat(params.weight()).hasValue(0.5);
        assertThat(params.timeout()).contains(Duration.ofMillis(1500));
        assertThat(config.general().maxRequestBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(config.general().globalMaxParallelRequests()).hasValue(3);
    }

    @Test
    void should_treat_a_reference_to_an_unset_variable_as_absent_and_log_its_name() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o, api_key: os.environ/NOT_SET_ANYWHERE, rpm: os.environ/ALSO_UNSET }
                """);

        // when
        GatewayConfig config;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            config = load(file);

            // then
            assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("NOT_SET_ANYWHERE").contains("not set"));
            assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("ALSO_UNSET"));
        }
        assertThat(config.models().get(0).params().apiKey()).isEmpty();
        assertThat(config.models().get(0).params().rpm()).isEmpty();
    }

    @Test
    void should_feed_references_from_the_environment_variables_section_before_the_process_environment()
            throws IOException {
        // given
        environment.put("UPSTREAM_KEY", "sk-from-process");
        Path file = write("""
                environment_variables:
                  UPSTREAM_KEY: sk-from-section
                  UPSTREAM_BASE: http://from-section:8000/v1
                model_list:
                  - model_name: local
                    litellm_params: { model: hosted_vllm/llama, api_base: os.environ/UPSTREAM_BASE, api_key: os.environ/UPSTREAM_KEY }
                """);

        // when
        GatewayConfig config = load(file);

        // then
        LitellmParams params = config.models().get(0).params();
        assertThat(params.apiKey()).map(Secret::reveal).contains("sk-from-section");
        assertThat(params.apiBase()).contains("http://from-section:8000/v1");
    }

    @Test
    void should_fall_back_to_litellm_master_key_when_the_file_sets_none() throws IOException {
        // given
        environment.put("LITELLM_MASTER_KEY", "sk-master-from-env");
        Path file = write("model_list: []\n");

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.general().masterKey()).map(Secret::reveal).contains("sk-master-from-env");
    }

    @Test
    void should_prefer_the_files_master_key_over_litellm_master_key() throws IOException {
        // given
        environment.put("LITELLM_MASTER_KEY", "sk-master-from-env");
        Path file = write("general_settings: { master_key: sk-master-from-file }\n");

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.general().masterKey()).map(Secret::reveal).contains("sk-master-from-file");
    }

    @Test
    void should_ignore_unknown_and_not_yet_supported_sections_with_a_log_line() throws IOException {
        // given
        Path file = write("""
                credential_list: [ { credential_name: c } ]
                some_future_section: { anything: [1, 2, 3] }
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o }
                """);

        // when
        GatewayConfig config;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            config = load(file);

            // then
            assertThat(logs.messages()).anySatisfy(m -> assertThat(m)
                    .contains("credential_list").contains("not supported").contains(file.toString()));
            assertThat(logs.messages()).anySatisfy(m -> assertThat(m)
                    .contains("unknown section some_future_section").contains("ignored"));
        }
        assertThat(config.models()).hasSize(1);
    }

    @Test
    void should_name_the_file_line_and_column_of_invalid_yaml() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt
                    litellm_params: { model: openai/gpt-4o
                general_settings: {}
                """);

        // when
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> load(file));

        // then
        assertThat(error).hasMessageStartingWith(file + ": not valid YAML at line ");
        assertThat(error.getMessage()).containsPattern("line [34], column \\d+");
    }

    @Test
    void should_describe_invalid_yaml_without_quoting_the_line_that_may_hold_a_key() throws IOException {
        // given
        Path file = write("""
                general_settings:
                  master_key: "sk-master-QUOTED-7f3a
                """);

        // when
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> load(file));

        // then
        assertThat(error).hasMessageStartingWith(file + ": not valid YAML at line ")
                .hasMessageContaining("quoted scalar")
                .hasMessageNotContaining("sk-master-QUOTED-7f3a");
        assertThat(io.llmgate.core.testing.Throwables.texts(error)).noneMatch(t -> t.contains("sk-master-QUOTED-7f3a"));
    }

    @Test
    void should_name_the_entry_and_field_when_model_name_is_missing() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: ok
                    litellm_params: { model: openai/gpt-4o }
                  - litellm_params: { model: openai/gpt-4o }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[1]: model_name is required");
    }

    @Test
    void should_reject_a_blank_model_name() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: "  "
                    litellm_params: { model: openai/gpt-4o }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[0]: model_name is required");
    }

    @Test
    void should_name_the_entry_when_litellm_params_is_missing() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[0] (model_name \"gpt-4o\"): litellm_params is required");
    }

    @Test
    void should_name_the_field_when_litellm_params_model_is_missing() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { api_base: "http://x:1/v1" }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[0] (model_name \"gpt-4o\"): litellm_params.model is required");
    }

    @Test
    void should_name_entry_field_and_types_when_rpm_is_not_a_number() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: a
                    litellm_params: { model: openai/gpt-4o }
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, rpm: "abc" }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[1] (model_name \"gpt-4o\"): litellm_params.rpm must be an integer, got a string");
    }

    @Test
    void should_reject_a_fractional_rpm() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, rpm: 1.5 }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("litellm_params.rpm must be an integer, got a number");
    }

    @Test
    void should_reject_a_timeout_that_is_not_positive() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, timeout: -1 }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": model_list[0] (model_name \"gpt-4o\"): litellm_params.timeout must be > 0 seconds");
    }

    @Test
    void should_reject_a_stream_timeout_of_zero() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, stream_timeout: 0 }
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("litellm_params.stream_timeout must be > 0 seconds");
    }

    @Test
    void should_reject_a_model_list_that_is_not_a_list() throws IOException {
        // given
        Path file = write("""
                model_list:
                  model_name: gpt-4o
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list must be a list, got a mapping");
    }

    @Test
    void should_reject_an_entry_that_is_not_a_mapping() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - gpt-4o
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[0]: entry must be a mapping, got a string");
    }

    @Test
    void should_reject_litellm_params_that_are_not_a_mapping() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: openai/gpt-4o
                """);

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": model_list[0] (model_name \"gpt-4o\"): litellm_params must be a mapping, got a string");
    }

    @Test
    void should_reject_a_general_setting_of_the_wrong_type() throws IOException {
        // given
        Path file = write("general_settings: { global_max_parallel_requests: [1] }\n");

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": general_settings.global_max_parallel_requests must be an integer, got a list");
    }

    @Test
    void should_give_the_same_id_to_the_same_entry_every_time() throws IOException {
        // given
        String yaml = """
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, api_base: "https://a.example.com/v1", api_key: sk-one }
                """;

        // when
        String first = load(write(yaml)).models().get(0).id();
        String second = load(write(yaml)).models().get(0).id();

        // then
        assertThat(first).isEqualTo(second).matches("[0-9a-f]{64}");
    }

    @Test
    void should_keep_the_id_when_only_the_api_key_changes() throws IOException {
        // given
        String template = """
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, api_base: "https://a.example.com/v1", api_key: %s }
                """;

        // when
        String before = load(write(template.formatted("sk-old-key"))).models().get(0).id();
        String after = load(write(template.formatted("sk-rotated-key"))).models().get(0).id();

        // then
        assertThat(after).isEqualTo(before);
    }

    @Test
    void should_give_different_ids_to_deployments_that_differ_in_more_than_the_key() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, api_base: "https://a.example.com/v1" }
                  - model_name: gpt-4o
                    litellm_params: { model: openai/gpt-4o, api_base: "https://b.example.com/v1" }
                  - model_name: other
                    litellm_params: { model: openai/gpt-4o, api_base: "https://a.example.com/v1" }
                """);

        // when
        GatewayConfig config = load(file);

        // then
        assertThat(config.models()).extracting(DeploymentConfig::id).doesNotHaveDuplicates();
    }

    @Test
    void should_fail_when_an_explicitly_named_file_does_not_exist() {
        // given
        Path missing = dir.resolve("nope.yaml");

        // when / then
        assertThatThrownBy(() -> load(missing)).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": config file does not exist or is not a regular file");
    }

    @Test
    void should_fail_when_the_file_named_by_the_system_property_does_not_exist() {
        // given
        Path missing = dir.resolve("missing.yaml");
        String previous = System.getProperty("llmgate.config");
        System.setProperty("llmgate.config", missing.toString());
        try {
            // when / then
            assertThatThrownBy(ConfigLoader::loadDefault).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(missing + ": ");
        } finally {
            restore(previous);
        }
    }

    @Test
    void should_load_the_file_named_by_the_system_property() throws IOException {
        // given
        Path file = write("""
                model_list:
                  - model_name: from-property
                    litellm_params: { model: openai/gpt-4o }
                """);
        String previous = System.getProperty("llmgate.config");
        System.setProperty("llmgate.config", file.toString());
        try {
            // when
            GatewayConfig config = ConfigLoader.loadDefault();

            // then
            assertThat(config.models()).extracting(DeploymentConfig::modelName).containsExactly("from-property");
        } finally {
            restore(previous);
        }
    }

    @Test
    void should_start_with_an_empty_config_when_no_file_is_named_and_none_exists() {
        // given
        assumeThat(System.getenv("LLMGATE_CONFIG")).isNull();
        assumeThat(System.getenv("CONFIG_FILE_PATH")).isNull();
        assumeThat(Path.of("config.yaml")).doesNotExist();
        String previous = System.getProperty("llmgate.config");
        System.clearProperty("llmgate.config");
        try {
            // when
            GatewayConfig config = ConfigLoader.loadDefault();

            // then
            assertThat(config.models()).isEmpty();
            assertThat(config.source()).isEmpty();
        } finally {
            restore(previous);
        }
    }

    private GatewayConfig load(Path file) {
        return new ConfigLoader(environment::get).load(file);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "config", ".yaml"), yaml);
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("llmgate.config");
        } else {
            System.setProperty("llmgate.config", previous);
        }
    }

    @Test
    void should_reject_a_request_size_limit_that_is_not_above_zero() throws IOException {
        // given
        Path file = write("general_settings: { max_request_size_mb: 0 }\n");

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": general_settings.max_request_size_mb must be > 0, got 0.0");
    }

    @Test
    void should_read_drop_params_from_litellm_settings_and_default_it_to_off() throws IOException {
        // given
        Path on = write("litellm_settings: { drop_params: true, num_retries: 3 }\n");
        Path absent = write("model_list: []\n");

        // when / then
        assertThat(load(on).litellm().dropParams()).isTrue();
        assertThat(load(absent).litellm().dropParams()).isFalse();
    }

    @Test
    void should_reject_a_drop_params_that_is_not_a_boolean() throws IOException {
        // given
        Path file = write("litellm_settings: { drop_params: [yes] }\n");

        // when / then
        assertThatThrownBy(() -> load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": litellm_settings.drop_params must be a boolean, got a list");
    }
}
