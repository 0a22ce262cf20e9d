package io.llmgate.core.testing;

import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a config.yaml to a temporary file and loads it, with an environment given as a map. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    public static GatewayConfig load(String yaml) {
        return load(yaml, Map.of());
    }

    public static GatewayConfig load(String yaml, Map<String, String> environment) {
        Path file = write(yaml);
        try {
            return new ConfigLoader(environment::get).load(file);
        } finally {
            delete(file);
        }
    }

    public static ModelCatalog catalog(String yaml) {
        return catalog(yaml, Map.of());
    }

    public static ModelCatalog catalog(String yaml, Map<String, String> environment) {
        return ModelCatalog.from(load(yaml, environment), ProviderTable.standard(environment::get), environment::get);
    }

    /** The first deployment of the only (or first) model group. */
    public static Deployment deployment(String yaml) {
        return catalog(yaml).groups().iterator().next().deployments().get(0);
    }

    public static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("llmgate-config", ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
