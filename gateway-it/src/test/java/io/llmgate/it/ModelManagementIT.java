package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.testkit.upstream.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments managed at runtime through LiteLLM's {@code /model} API: served at once, listed without
 * credentials, stored with the credential encrypted in PostgreSQL, changed and removed without a restart.
 */
class ModelManagementIT extends DeployedGatewayTestBase {
    private static final String STORED_KEY = "sk-stored-model-secret-42";

    @Test
    void should_serve_list_update_and_delete_a_model_added_at_runtime() throws Exception {
        // given
        String body = """
                {"model_name": "runtime-model",
                 "litellm_params": {"model": "openai/runtime-upstream", "api_base": "%s", "api_key": "%s"},
                 "model_info": {"id": "runtime-1", "mode": "chat"}}
                """.formatted(upstream.baseUrl(), STORED_KEY);

        // when
        HttpResponse<String> created = gateway.post("/model/new", body);
        HttpResponse<String> answered = gateway.post("/v1/chat/completions", chat("runtime-model"));

        // then: served at once, with the stored key as the upstream credential
        assertThatResponse(created).hasStatus(200);
        assertThat(created.body()).doesNotContain(STORED_KEY);
        assertThatResponse(answered).hasStatus(200);
        assertThat(answered.headers().firstValue("x-litellm-model-id")).contains("runtime-1");
        RecordedRequest call = upstream.requests().get(0);
        assertThat(call.bodyJson().path("model").asText()).isEqualTo("runtime-upstream");
        assertThat(call.header("Authorization")).contains("Bearer " + STORED_KEY);

        // and listed without the credential, marked as a database model
        JsonNode info = assertThatResponse(gateway.get("/model/info?litellm_model_id=runtime-1")).hasStatus(200).json();
        assertThat(info.path("data")).singleElement().satisfies(entry -> {
            assertThat(entry.path("model_name").asText()).isEqualTo("runtime-model");
            assertThat(entry.path("model_info").path("db_model").asBoolean()).isTrue();
            assertThat(entry.path("litellm_params").path("model").asText()).isEqualTo("openai/runtime-upstream");
            assertThat(entry.path("litellm_params").has("api_key")).isFalse();
        });
        assertThat(gateway.get("/model/info").body()).doesNotContain(STORED_KEY).doesNotContain(GatewayConfigFile.UPSTREAM_KEY);
        assertThat(gateway.get("/v1/models").body()).contains("\"runtime-model\"");

        // and stored encrypted
        String storedParams = storedParams("runtime-1");
        assertThat(storedParams).doesNotContain(STORED_KEY).contains("enc:v1:").contains("openai/runtime-upstream");

        // when updated
        HttpResponse<String> updated = gateway.post("/model/update", """
                {"model_info": {"id": "runtime-1"}, "litellm_params": {"model": "openai/runtime-upstream-v2"}}
                """);
        upstream.clearRequests();
        HttpResponse<String> afterUpdate = gateway.post("/v1/chat/completions", chat("runtime-model"));

        // then the next call uses the change, and the key it did not name is kept
        assertThatResponse(updated).hasStatus(200);
        assertThatResponse(afterUpdate).hasStatus(200);
        assertThat(upstream.requests().get(0).bodyJson().path("model").asText()).isEqualTo("runtime-upstream-v2");
        assertThat(upstream.requests().get(0).header("Authorization")).contains("Bearer " + STORED_KEY);

        // when deleted
        HttpResponse<String> deleted = gateway.post("/model/delete", "{\"id\": \"runtime-1\"}");
        HttpResponse<String> afterDelete = gateway.post("/v1/chat/completions", chat("runtime-model"));

        // then
        assertThatResponse(deleted).hasStatus(200);
        assertThatResponse(afterDelete).hasStatus(400).hasErrorMessageContaining("runtime-model");
        assertThat(gateway.get("/model/info").body()).doesNotContain("runtime-1");
        assertThat(storedParams("runtime-1")).isNull();
    }

    @Test
    void should_page_and_search_v2_model_info_and_summarise_groups() {
        // when
        JsonNode page = assertThatResponse(gateway.get("/v2/model/info?page=1&size=2&search=router-weighted"))
                .hasStatus(200).json();
        JsonNode groups = assertThatResponse(gateway.get("/model_group/info")).hasStatus(200).json();

        // then
        assertThat(page.path("total_count").asInt()).isEqualTo(2);
        assertThat(page.path("total_pages").asInt()).isEqualTo(1);
        assertThat(page.path("data")).hasSize(2).allSatisfy(e ->
                assertThat(e.path("model_info").path("db_model").asBoolean()).isFalse());
        assertThat(groups.path("data")).anySatisfy(g -> {
            assertThat(g.path("model_group").asText()).isEqualTo("router-weighted");
            assertThat(g.path("providers").get(0).asText()).isEqualTo("openai");
        });
    }

    @Test
    void should_refuse_bad_input_with_a_clear_error() {
        assertThatResponse(gateway.post("/model/new", "{\"model_name\": ")).hasStatus(400).hasErrorType("invalid_request_error");
        assertThatResponse(gateway.post("/model/new", "{\"litellm_params\": {\"model\": \"openai/x\"}}"))
                .hasStatus(400).hasErrorMessageContaining("model_name");
        assertThatResponse(gateway.post("/model/new", "{\"model_name\": \"m\", \"litellm_params\": {\"model\": \"nosuch/x\"}}"))
                .hasStatus(400).hasErrorMessageContaining("unknown provider");
        assertThatResponse(gateway.post("/model/update", "{\"model_info\": {\"id\": \"no-such-id\"}}")).hasStatus(404);
        assertThatResponse(gateway.post("/model/delete", "{\"id\": \"no-such-id\"}")).hasStatus(404);
        assertThatResponse(gateway.post("/model/delete", "{\"id\": \"rw-light\"}")).hasStatus(400)
                .hasErrorMessageContaining("config file");
        assertThatResponse(gateway.send(gateway.newPost("/model/new", "{}"))).hasStatus(401);
        String huge = "{\"model_name\": \"" + "m".repeat(GatewayConfigFile.MAX_REQUEST_SIZE_MB * 1024 * 1024 + 10) + "\"}";
        assertThatResponse(gateway.post("/model/new", huge)).hasStatus(413).hasOpenAiErrorBody();
    }

    private static String storedParams(String id) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("gw.db.url"), System.getProperty("gw.db.user"),
                System.getProperty("gw.db.password"));
             PreparedStatement query = db.prepareStatement("select litellm_params::text from proxy_model where model_id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
