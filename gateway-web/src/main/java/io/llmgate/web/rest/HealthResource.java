package io.llmgate.web.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.health.DatabaseProbe;
import io.llmgate.core.health.DatabaseStatus;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.GatewayVersion;
import io.llmgate.core.pipeline.ModelHealth;
import io.llmgate.web.error.ErrorFormat;
import io.llmgate.web.filter.PublicEndpoint;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * LiteLLM's health routes. {@code GET /health} (master key) checks the models with a real minimal call to each
 * deployment ({@link ModelHealth}). The unauthenticated probes: liveliness says the process answers (no
 * dependency checks); readiness also reports the database and is 503 when one is configured but unreachable.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class HealthResource {
    @Inject
    Instance<DatabaseProbe> database;
    @Inject
    ModelHealth models;

    /** Answers when every probe has; a container thread does not wait for them. */
    @GET
    public void models(@QueryParam("model") String model, @Suspended AsyncResponse async) {
        try {
            models.check(Optional.ofNullable(model).filter(m -> !m.isBlank())).whenComplete((report, error) -> {
                if (error != null) {
                    async.resume(error);
                    return;
                }
                byte[] json = report.toJson().toString().getBytes(StandardCharsets.UTF_8);
                async.resume(Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Content-Length", json.length).build());
            });
        } catch (GatewayException e) {
            async.resume(ErrorFormat.OPENAI.response(e));
        }
    }

    @GET
    @PublicEndpoint
    @Path("liveliness")
    public String liveliness() {
        return "\"I'm alive!\"";
    }

    @GET
    @PublicEndpoint
    @Path("liveness")
    public String liveness() {
        return liveliness();
    }

    @GET
    @PublicEndpoint
    @Path("readiness")
    public Response readiness() {
        DatabaseStatus db = database.isResolvable() ? database.get().probe()
                : new DatabaseStatus(DatabaseStatus.State.NOT_CONFIGURED, "no database module deployed");
        boolean ready = db.state() != DatabaseStatus.State.UNREACHABLE;
        ObjectNode body = Json.mapper().createObjectNode()
                .put("status", ready ? "healthy" : "unhealthy")
                .put("db", switch (db.state()) {
                    case CONNECTED -> "connected";
                    case NOT_CONFIGURED -> "not configured";
                    case UNREACHABLE -> "Not connected";
                })
                .put("db_detail", db.detail())
                .put("litellm_version", GatewayVersion.current())
                .put("last_updated", Instant.now().toString());
        return Response.status(ready ? 200 : 503).entity(body.toString()).build();
    }
}
