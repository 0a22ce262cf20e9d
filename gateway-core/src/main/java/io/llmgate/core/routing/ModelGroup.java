package io.llmgate.core.routing;

import java.util.List;
import java.util.Objects;

/** All deployments that share one public {@code model_name}. */
public record ModelGroup(String name, List<Deployment> deployments) {
    public ModelGroup {
        Objects.requireNonNull(name, "name");
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("a model group has at least one deployment");
        }
    }

    /** The provider of the first deployment, shown as {@code owned_by} in /v1/models. */
    public String ownedBy() {
        return deployments.get(0).provider().name();
    }
}
