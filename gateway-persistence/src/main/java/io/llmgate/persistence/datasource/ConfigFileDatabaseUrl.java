package io.llmgate.persistence.datasource;

import io.llmgate.core.config.ConfigException;
import io.llmgate.core.config.ConfigLoader;

import java.util.Optional;

/**
 * {@code general_settings.database_url} from the gateway's config file, read once per class loader
 * (that is, once per deployment) because the data source, the probe and start-up all ask for it.
 * A config file that cannot be read counts as "no database_url" here; the web module reports the error itself.
 */
final class ConfigFileDatabaseUrl {
    private static final System.Logger LOG = System.getLogger(ConfigFileDatabaseUrl.class.getName());
    private static Optional<String> cached;

    private ConfigFileDatabaseUrl() {
    }

    static synchronized Optional<String> read() {
        if (cached == null) {
            cached = load();
        }
        return cached;
    }

    private static Optional<String> load() {
        try {
            return ConfigLoader.loadDefault().general().databaseUrl();
        } catch (ConfigException e) {
            LOG.log(System.Logger.Level.WARNING, "general_settings.database_url not read: {0}", e.getMessage());
            return Optional.empty();
        }
    }
}
