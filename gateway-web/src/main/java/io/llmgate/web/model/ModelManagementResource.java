package io.llmgate.web.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.health.EndpointParams;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.GatewayRuntime;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelGroup;
import io.llmgate.persistence.model.StoredModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import io.llmgate.web.inference.RequestBodies;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * LiteLLM's model management API: add, change and remove deployments at runtime, and list every deployment
 * (config file and database) with credentials left out. Master key only, like every non-public route.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@ApplicationScoped
public class ModelManagementResource {
    @Inject
    GatewayRuntime runtime;
    @Inject
    StoredModels stored;
    @Context
    HttpServletRequest request;

    @POST
    @Path("model/new")
    public String create(InputStream body) {
        StoredModel model = stored.create(parse(body));
        return describe(model.modelId());
    }

    @POST
    @Path("model/update")
    public String update(InputStream body) {
        JsonNode patch = parse(body);
        JsonNode id = patch.path("model_info").path("id");
        if (!id.isTextual() || id.textValue().isBlank()) {
            throw GatewayException.invalidField("model_info.id", "model_info.id names the model to update");
        }
        stored.update(id.textValue(), patch);
        return describe(id.textValue());
    }

    @PATCH
    @Path("model/{id}/update")
    public String patch(@PathParam("id") String id, InputStream body) {
        stored.update(id, parse(body));
        return describe(id);
    }

    @POST
    @Path("model/delete")
    public String delete(InputStream body) {
        JsonNode id = parse(body).path("id");
        if (!id.isTextual() || id.textValue().isBlank()) {
            throw GatewayException.invalidField("id", "id names the model to delete");
        }
        stored.delete(id.textValue());
        return Json.mapper().createObjectNode().put("message", "Model deleted: " + id.textValue()).toString();
    }

    @GET
    @Path("model/info")
    public String info(@QueryParam("litellm_model_id") String modelId) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode data = root.putArray("data");
        deployments().stream().filter(d -> modelId == null || d.id().equals(modelId)).forEach(d -> data.add(entry(d)));
        return root.toString();
    }

    @GET
    @Path("v2/model/info")
    public String infoPaged(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                            @QueryParam("search") String search) {
        int current = page == null ? 1 : page;
        int perPage = size == null ? 50 : size;
        if (current < 1 || perPage < 1 || perPage > 1000) {
            throw GatewayException.invalidField("page", "page must be >= 1 and size between 1 and 1000");
        }
        List<Deployment> matching = deployments().stream().filter(d -> search == null
                || d.modelGroup().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))).toList();
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode data = root.putArray("data");
        matching.stream().skip((long) (current - 1) * perPage).limit(perPage).forEach(d -> data.add(entry(d)));
        return root.put("total_count", matching.size()).put("current_page", current)
                .put("total_pages", (matching.size() + perPage - 1) / perPage).put("size", perPage).toString();
    }

    @GET
    @Path("model_group/info")
    public String groupInfo() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode data = root.putArray("data");
        for (ModelGroup group : runtime.catalog().groups()) {
            ObjectNode entry = data.addObject().put("model_group", group.name());
            Set<String> providers = new TreeSet<>();
            long tpm = 0;
            long rpm = 0;
            for (Deployment d : group.deployments()) {
                providers.add(d.provider().name());
                tpm += d.config().params().tpm().orElse(0);
                rpm += d.config().params().rpm().orElse(0);
            }
            providers.forEach(entry.putArray("providers")::add);
            Deployment first = group.deployments().get(0);
            first.config().routing().maxInputTokens().ifPresent(tokens -> entry.put("max_input_tokens", tokens));
            first.config().routing().inputCostPerToken().ifPresent(cost -> entry.put("input_cost_per_token", cost));
            first.config().routing().outputCostPerToken().ifPresent(cost -> entry.put("output_cost_per_token", cost));
            JsonNode mode = first.config().modelInfo().get("mode");
            entry.put("mode", mode != null && mode.isTextual() ? mode.textValue() : "chat");
            entry.put("tpm", tpm).put("rpm", rpm);
        }
        return root.toString();
    }

    private String describe(String id) {
        return runtime.catalog().deployment(id).map(this::entry).map(ObjectNode::toString).orElseThrow();
    }

    private List<Deployment> deployments() {
        return runtime.catalog().deployments();
    }

    /** LiteLLM's shape: {model_name, litellm_params (no credentials), model_info {id, db_model, ...}}. */
    private ObjectNode entry(Deployment deployment) {
        ObjectNode entry = Json.mapper().createObjectNode().put("model_name", deployment.modelGroup());
        ObjectNode params = EndpointParams.of(deployment);
        params.remove("model_id");
        entry.set("litellm_params", params);
        ObjectNode info = deployment.config().modelInfo().deepCopy();
        info.put("id", deployment.id()).put("db_model", stored.storedIds().contains(deployment.id()));
        entry.set("model_info", info);
        return entry;
    }

    /** The body, refused with a 413 above {@code max_request_size_mb} as on the inference routes. */
    private JsonNode parse(InputStream body) {
        byte[] bytes = RequestBodies.read(body, request.getContentLengthLong(), runtime.config().general().maxRequestBytes());
        try {
            JsonNode node = bytes.length == 0 ? null : Json.mapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                throw GatewayException.invalidField("body", "The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw GatewayException.invalidField("body", "The request body is not valid JSON");
        }
    }
}
