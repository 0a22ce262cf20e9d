package io.llmgate.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a LiteLLM-style {@code config.yaml}. Sections this version does not implement are ignored
 * with a log line; a file that cannot be used fails with a {@link ConfigException} naming the file,
 * the entry and the field.
 */
public final class ConfigLoader {
    private static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Sections LiteLLM defines that later versions of the gateway will read. */
    private static final Set<String> KNOWN_LATER = Set.of("credential_list",
            "guardrails", "mcp_servers", "agents", "callback_settings", "search_tools", "vector_store_registry",
            "prompts", "policies", "include");

    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Loads the file named by system property {@code llmgate.config}, else env {@code LLMGATE_CONFIG},
     * else env {@code CONFIG_FILE_PATH}, else {@code ./config.yaml}. A missing default file gives an
     * empty configuration; a missing file that was named explicitly is an error.
     */
    public static GatewayConfig loadDefault() {
        ConfigLoader loader = new ConfigLoader(System::getenv);
        Optional<String> named = Optional.ofNullable(System.getProperty("llmgate.config"))
                .or(() -> Optional.ofNullable(System.getenv("LLMGATE_CONFIG")))
                .or(() -> Optional.ofNullable(System.getenv("CONFIG_FILE_PATH")))
                .filter(s -> !s.isBlank());
        if (named.isPresent()) {
            return loader.load(Path.of(named.get()));
        }
        Path fallback = Path.of("config.yaml");
        if (Files.isRegularFile(fallback)) {
            return loader.load(fallback);
        }
        LOG.log(System.Logger.Level.WARNING, "No config file given and ./config.yaml does not exist: starting without models");
        return loader.fromTree("(none)", Optional.empty(), JsonNodeFactory.instance.objectNode());
    }

    public GatewayConfig load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name + ": config file does not exist or is not a regular file");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // neither cause nor snakeyaml's own message: both quote the offending line, which may hold a key
            throw new ConfigException(name + ": not valid YAML at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + yamlProblem(e));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        return fromTree(name, Optional.of(file.toAbsolutePath().toString()), root);
    }

    /** snakeyaml's description of a syntax error without its quote of the source. */
    private static String yamlProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
            }
        }
        return "syntax error";
    }

    GatewayConfig fromTree(String name, Optional<String> source, JsonNode root) {
        FieldReader top = FieldReader.of(name, "", root);
        Map<String, String> overlay = environmentVariables(name, top);
        EnvironmentReferences references = new EnvironmentReferences(environment, overlay);
        top = FieldReader.of(name, "", references.resolve(top.node()));
        logIgnoredSections(name, top);
        List<DeploymentConfig> models = new DeploymentReader(name).readAll(top.node().get("model_list"));
        GeneralSettings general = readGeneral(top.object("general_settings"));
        LitellmSettings litellm = readLitellm(name, top.object("litellm_settings"));
        RouterSettings router = new RouterSettingsReader(name).read(top.object("router_settings"), top.object("litellm_settings"));
        for (String variable : references.unsetVariables()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: environment variable {1} is not set; the field that refers to it is treated as absent", name, variable);
        }
        return new GatewayConfig(source, models, general, litellm, router);
    }

    /** {@code drop_params} here, the router's keys in {@link RouterSettingsReader}; others are named in one log line. */
    private static LitellmSettings readLitellm(String name, FieldReader litellm) {
        List<String> ignored = new ArrayList<>();
        litellm.node().fieldNames().forEachRemaining(key -> {
            if (!"drop_params".equals(key) && !RouterSettingsReader.LITELLM_KEYS.contains(key)) {
                ignored.add(key);
            }
        });
        if (!ignored.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0}: litellm_settings {1} not supported by this version yet; ignored", name, ignored);
        }
        return new LitellmSettings(litellm.bool("drop_params").orElse(false));
    }

    private GeneralSettings readGeneral(FieldReader general) {
        general.positive("max_request_size_mb");
        general.positive("max_response_size_mb");
        Optional<Secret> masterKey = general.string("master_key")
                .or(() -> Optional.ofNullable(environment.apply("LITELLM_MASTER_KEY")))
                .filter(s -> !s.isBlank())
                .map(Secret::of);
        long maxRequest = general.number("max_request_size_mb").stream()
                .mapToLong(mb -> (long) (mb * 1024 * 1024)).findFirst()
                .orElse(GeneralSettings.DEFAULT_MAX_REQUEST_BYTES);
        long maxResponse = general.number("max_response_size_mb").stream()
                .mapToLong(mb -> (long) (mb * 1024 * 1024)).findFirst()
                .orElse(GeneralSettings.DEFAULT_MAX_RESPONSE_BYTES);
        var maxParallel = general.integer("global_max_parallel_requests");
        general.positive("global_max_parallel_requests");
        return new GeneralSettings(masterKey, general.string("database_url"), maxRequest, maxResponse, maxParallel,
                general.bool("background_health_checks").orElse(false),
                general.seconds("health_check_interval").orElse(GeneralSettings.DEFAULT_HEALTH_CHECK_INTERVAL));
    }

    /** LiteLLM's {@code environment_variables} section feeds {@code os.environ/} references. */
    private static Map<String, String> environmentVariables(String name, FieldReader top) {
        FieldReader section = top.object("environment_variables");
        Map<String, String> values = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        section.node().fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            section.string(key).ifPresent(v -> values.put(key, v));
        }
        return values;
    }

    private static void logIgnoredSections(String name, FieldReader top) {
        top.node().fieldNames().forEachRemaining(section -> {
            switch (section) {
                case "model_list", "general_settings", "environment_variables", "litellm_settings", "router_settings" -> { }
                default -> LOG.log(System.Logger.Level.INFO, KNOWN_LATER.contains(section)
                        ? "{0}: section {1} is not supported by this version yet; ignored"
                        : "{0}: unknown section {1}; ignored", name, section);
            }
        });
    }
}
