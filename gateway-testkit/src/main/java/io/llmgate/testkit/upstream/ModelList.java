package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: a few well-known OpenAI models plus
 * every scripted model, so a gateway probing its upstream finds what the test configured.
 */
final class ModelList {
    static final List<String> BUILT_IN = List.of("gpt-4o-mini", "gpt-4o", "gpt-3.5-turbo-instruct",
            "text-embedding-3-small");
    private static final long CREATED = 1_700_000_000L;

    private ModelList() {
    }

    static ObjectNode list(Collection<String> scriptedModels) {
        Set<String> ids = new LinkedHashSet<>(BUILT_IN);
        ids.addAll(scriptedModels);
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        ids.forEach(id -> data.add(model(id)));
        return list;
    }

    static ObjectNode model(String id) {
        return Json.object()
                .put("id", id)
                .put("object", "model")
                .put("created", CREATED)
                .put("owned_by", BUILT_IN.contains(id) ? "system" : "llmgate-testkit");
    }
}
