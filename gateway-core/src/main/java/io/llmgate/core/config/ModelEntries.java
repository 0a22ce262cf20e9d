package io.llmgate.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.function.Function;

/**
 * Binds one {@code {model_name, litellm_params, model_info}} entry that did not come from the config file
 * (the {@code /model/new} API, the database) through the same rules as a {@code model_list} entry, with
 * {@code os.environ/} references resolved. Errors are {@link ConfigException}s naming the field.
 */
public final class ModelEntries {
    private ModelEntries() {
    }

    public static DeploymentConfig bind(String where, JsonNode entry, Function<String, String> environment) {
        if (entry == null || !entry.isObject()) {
            throw new ConfigException(where + ": must be an object with model_name and litellm_params");
        }
        JsonNode resolved = new EnvironmentReferences(environment, Map.of()).resolve(entry.deepCopy());
        return new DeploymentReader(where).read(where, resolved);
    }
}
