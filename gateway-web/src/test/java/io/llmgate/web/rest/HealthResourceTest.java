package io.llmgate.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.health.DatabaseProbe;
import io.llmgate.core.health.DatabaseStatus;
import io.llmgate.core.json.Json;
import io.llmgate.web.FixedInstance;
import io.llmgate.web.filter.PublicEndpoint;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthResourceTest {
    private final HealthResource health = new HealthResource();

    @Test
    void should_say_it_is_alive_as_a_json_string_on_both_spellings() throws Exception {
        // then
        assertThat(Json.mapper().readTree(health.liveliness()).asText()).isEqualTo("I'm alive!");
        assertThat(health.liveness()).isEqualTo(health.liveliness());
    }

    @Test
    void should_be_ready_with_a_connected_database() throws Exception {
        // given
        health.database = FixedInstance.of(probe(DatabaseStatus.State.CONNECTED, "PostgreSQL 14"));

        // when
        Response response = health.readiness();

        // then
        JsonNode body = Json.mapper().readTree((String) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.path("status").asText()).isEqualTo("healthy");
        assertThat(body.path("db").asText()).isEqualTo("connected");
        assertThat(body.path("db_detail").asText()).isEqualTo("PostgreSQL 14");
        assertThat(body.path("litellm_version").asText()).isNotBlank();
        assertThat(body.path("last_updated").asText()).isNotBlank();
    }

    @Test
    void should_be_ready_without_a_configured_database() throws Exception {
        // given
        health.database = FixedInstance.of(probe(DatabaseStatus.State.NOT_CONFIGURED, ""));

        // when
        Response response = health.readiness();

        // then
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Json.mapper().readTree((String) response.getEntity()).path("db").asText()).isEqualTo("not configured");
    }

    @Test
    void should_not_be_ready_when_the_configured_database_is_unreachable() throws Exception {
        // given
        health.database = FixedInstance.of(probe(DatabaseStatus.State.UNREACHABLE, "connection refused"));

        // when
        Response response = health.readiness();

        // then
        JsonNode body = Json.mapper().readTree((String) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(body.path("status").asText()).isEqualTo("unhealthy");
        assertThat(body.path("db").asText()).isEqualTo("Not connected");
    }

    @Test
    void should_be_ready_when_no_database_module_is_deployed() throws Exception {
        // given
        health.database = FixedInstance.none();

        // when
        Response response = health.readiness();

        // then
        JsonNode body = Json.mapper().readTree((String) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.path("db").asText()).isEqualTo("not configured");
        assertThat(body.path("db_detail").asText()).isEqualTo("no database module deployed");
    }

    @Test
    void should_keep_the_probes_public_and_the_model_health_check_behind_the_key() throws Exception {
        // then
        assertThat(HealthResource.class.isAnnotationPresent(PublicEndpoint.class)).isFalse();
        assertThat(HealthResource.class.getMethod("models", String.class, AsyncResponse.class)
                .isAnnotationPresent(PublicEndpoint.class)).isFalse();
        for (String probe : new String[] {"liveliness", "liveness", "readiness"}) {
            assertThat(HealthResource.class.getMethod(probe).isAnnotationPresent(PublicEndpoint.class)).as(probe).isTrue();
        }
    }

    private static DatabaseProbe probe(DatabaseStatus.State state, String detail) {
        return () -> new DatabaseStatus(state, detail);
    }
}
