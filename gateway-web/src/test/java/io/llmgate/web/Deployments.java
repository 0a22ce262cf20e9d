package io.llmgate.web;

import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A deployment as the catalog builds it from a one-entry config.yaml. */
public final class Deployments {
    private Deployments() {
    }

    public static Deployment of(String modelName, String litellmModel, String id) {
        try {
            Path file = Files.createTempFile("llmgate-web", ".yaml");
            try {
                Files.writeString(file, """
                        model_list:
                          - model_name: %s
                            litellm_params: { model: %s }
                            model_info: { id: %s }
                        """.formatted(modelName, litellmModel, id));
                return ModelCatalog.from(new ConfigLoader(name -> null).load(file), ProviderTable.standard(), name -> null)
                        .group(modelName).orElseThrow().deployments().get(0);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
