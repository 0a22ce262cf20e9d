package io.llmgate.web.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.ConfigException;
import io.llmgate.core.config.DeploymentConfig;
import io.llmgate.core.config.ModelEntries;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.secret.CredentialCipher;
import io.llmgate.core.secret.StoredCredentials;
import io.llmgate.persistence.model.JpaStoredModelRepository;
import io.llmgate.persistence.model.StoredModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Deployments managed through the {@code /model} API: validated like {@code model_list} entries, stored in
 * {@code proxy_model} with their credentials sealed, and served at once by this instance (other instances
 * pick them up on their next {@link #refresh()}). Inference never reads the database: the catalog holds them.
 */
@ApplicationScoped
public class StoredModels {
    private static final System.Logger LOG = System.getLogger(StoredModels.class.getName());

    @Inject
    GatewayRuntime runtime;
    @Inject
    JpaStoredModelRepository repository;

    private volatile Set<String> storedIds = Set.of();
    private volatile String loadedVersion = "";
    private volatile StoredCredentials credentials;

    /** Ids of the deployments that came from the database (the others come from the config file). */
    public Set<String> storedIds() {
        return storedIds;
    }

    /** @return the stored entry, credentials sealed as in the database */
    public synchronized StoredModel create(JsonNode body) {
        ObjectNode entry = object(body, "body");
        ObjectNode info = entry.has("model_info") ? object(entry.get("model_info"), "model_info").deepCopy()
                : Json.mapper().createObjectNode();
        String id = info.path("id").isTextual() && !info.path("id").textValue().isBlank()
                ? info.get("id").textValue() : UUID.randomUUID().toString();
        if (runtime.catalog().deployment(id).isPresent()) {
            throw GatewayException.invalidField("model_info.id", "A model with id " + id + " already exists");
        }
        info.put("id", id);
        ObjectNode stored = entry.deepCopy();
        stored.set("model_info", info);
        Instant now = Clock.systemUTC().instant();
        return save(id, stored, now, now);
    }

    /** Merges {@code patch} (model_name, litellm_params, model_info fields) into the stored model {@code id}. */
    public synchronized StoredModel update(String id, JsonNode patch) {
        ObjectNode changes = object(patch, "body");
        StoredModel current = existing(id);
        ObjectNode params = (ObjectNode) parse(current.litellmParams());
        ObjectNode info = (ObjectNode) parse(current.modelInfo());
        if (changes.has("litellm_params")) {
            params.setAll(object(changes.get("litellm_params"), "litellm_params"));
        }
        if (changes.has("model_info")) {
            info.setAll(object(changes.get("model_info"), "model_info"));
        }
        info.put("id", id);
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("model_name", changes.path("model_name").isTextual() ? changes.get("model_name").textValue()
                : current.modelName());
        // what the patch did not name keeps its stored (sealed) value: open it so it binds, it is sealed again
        entry.set("litellm_params", credentials().open(params));
        entry.set("model_info", info);
        return save(id, entry, current.createdAt(), Clock.systemUTC().instant());
    }

    public synchronized void delete(String id) {
        existing(id);
        repository.delete(id);
        refresh();
    }

    /** Loads the stored models when the table changed since the last load, and serves them. */
    public synchronized void refresh() {
        String version = repository.version();
        List<DeploymentConfig> bound = new ArrayList<>();
        for (StoredModel model : repository.findAll()) {
            try {
                bound.add(bind(model.modelId(), entry(model.modelName(),
                        credentials().open((ObjectNode) parse(model.litellmParams())), parse(model.modelInfo()))));
            } catch (RuntimeException e) {
                // a row this instance cannot use (another salt key, a provider it does not know) must not stop the rest
                LOG.log(System.Logger.Level.WARNING, "Stored model " + model.modelId() + " skipped: " + e.getMessage());
            }
        }
        runtime.useStoredModels(bound);
        storedIds = bound.stream().map(DeploymentConfig::id).collect(Collectors.toUnmodifiableSet());
        loadedVersion = version;
    }

    /** Refreshes when another instance changed the table; cheap when nothing changed. */
    public void refreshIfChanged() {
        if (!repository.version().equals(loadedVersion)) {
            refresh();
        }
    }

    private StoredModel save(String id, ObjectNode entry, Instant created, Instant updated) {
        DeploymentConfig bound = bind(id, entry);
        ObjectNode sealed = credentials().seal(object(entry.get("litellm_params"), "litellm_params"));
        StoredModel model = new StoredModel(id, bound.modelName(), sealed.toString(), entry.get("model_info").toString(),
                created, updated);
        repository.save(model);
        refresh();
        return model;
    }

    private DeploymentConfig bind(String id, JsonNode entry) {
        try {
            DeploymentConfig config = ModelEntries.bind("model " + id, entry, System::getenv);
            ModelCatalog.resolve(config, runtime.config(), ProviderTable.standard(), System::getenv);
            return config;
        } catch (ConfigException e) {
            throw new GatewayException(ErrorType.INVALID_REQUEST, e.getMessage());
        }
    }

    private StoredModel existing(String id) {
        Optional<StoredModel> found = repository.findById(id);
        if (found.isPresent()) {
            return found.get();
        }
        if (runtime.catalog().deployment(id).isPresent()) {
            throw GatewayException.invalidField("id", "Model " + id + " comes from the config file; change it there");
        }
        throw new GatewayException(ErrorType.NOT_FOUND, "Model with id=" + id + " not found");
    }

    private StoredCredentials credentials() {
        StoredCredentials current = credentials;
        if (current == null) {
            String salt = SaltKey.resolve(runtime.config().general().masterKey()).orElseThrow(() ->
                    new GatewayException(ErrorType.INVALID_REQUEST, "Storing models needs LITELLM_SALT_KEY (or a master key) "
                            + "to encrypt their credentials"));
            current = new StoredCredentials(new CredentialCipher(salt));
            credentials = current;
        }
        return current;
    }

    private static ObjectNode entry(String modelName, ObjectNode params, JsonNode info) {
        ObjectNode entry = Json.mapper().createObjectNode().put("model_name", modelName);
        entry.set("litellm_params", params);
        entry.set("model_info", info);
        return entry;
    }

    private static ObjectNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw GatewayException.invalidField(field, field + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
