package io.llmgate.testkit.upstream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestRecordingTest {
    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_record_method_path_query_lower_case_headers_and_body() throws Exception {
        // given
        Instant before = Instant.now();
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[]}";

        // when
        http.post("/chat/completions?api-version=1", body);

        // then
        List<RecordedRequest> requests = upstream.requests();
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=1");
        assertThat(request.headers()).containsEntry("authorization", List.of("Bearer sk-test"));
        assertThat(request.header("Content-Type")).hasValue("application/json");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.bodyJson().get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.receivedAt()).isAfterOrEqualTo(before);
    }

    @Test
    void should_record_requests_it_rejects_and_forget_them_when_cleared() throws Exception {
        // given
        http.post("/chat/completions", "not json");
        http.get("/unknown");
        assertThat(upstream.requests()).extracting(RecordedRequest::path)
                .containsExactly("/v1/chat/completions", "/v1/unknown");

        // when
        upstream.clearRequests();

        // then
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_hand_out_an_immutable_snapshot() throws Exception {
        // given
        http.get("/models");

        // when
        List<RecordedRequest> snapshot = upstream.requests();
        http.get("/models");

        // then
        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
