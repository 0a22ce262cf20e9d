package io.llmgate.web.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.ModelGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** OpenAI's model listing: one entry per model group ({@code model_name}), as LiteLLM lists them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ModelsResource {
    /** OpenAI lists a creation time; the gateway's models exist since it started. */
    private static final long STARTED = Instant.now().getEpochSecond();

    @Inject
    GatewayRuntime runtime;

    @GET
    @Path("v1/models")
    public String list() {
        ObjectNode root = Json.mapper().createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        ModelCatalog catalog = runtime.catalog();
        catalog.groups().forEach(group -> data.add(model(group.name(), group)));
        // model_group_alias entries are models callers may use, unless marked hidden
        catalog.aliases().forEach((alias, target) -> {
            if (!target.hidden()) {
                catalog.group(target.group()).ifPresent(group -> data.add(model(alias, group)));
            }
        });
        return root.toString();
    }

    @GET
    @Path("models")
    public String listWithoutVersion() {
        return list();
    }

    @GET
    @Path("v1/models/{model: .+}")
    public String get(@PathParam("model") String model) {
        return runtime.catalog().route(model).map(group -> model(model, group)).map(ObjectNode::toString)
                .orElseThrow(() -> new GatewayException(ErrorType.NOT_FOUND, "The model '" + shorten(model)
                        + "' does not exist or you do not have access to it."));
    }

    @GET
    @Path("models/{model: .+}")
    public String getWithoutVersion(@PathParam("model") String model) {
        return get(model);
    }

    private static ObjectNode model(String name, ModelGroup group) {
        return Json.mapper().createObjectNode()
                .put("id", name)
                .put("object", "model")
                .put("created", STARTED)
                .put("owned_by", group.ownedBy());
    }

    private static String shorten(String model) {
        return model.length() <= 100 ? model : model.substring(0, 100) + "…";
    }
}
