package io.llmgate.testkit.upstream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailFirstTest {
    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();
    private final OpenAiHttp http = new OpenAiHttp(upstream);

    @Test
    void should_fail_the_first_requests_then_answer_normally() throws Exception {
        // given
        upstream.failFirst("flaky", 2, OpenAiFailures.serverError());

        // when
        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> post("flaky").statusCode()).toList();

        // then
        assertThat(statuses).containsExactly(500, 500, 200, 200);
    }

    @Test
    void should_go_back_to_the_standing_script_once_the_first_answers_are_used_up() throws Exception {
        // given
        upstream.script("flaky", Scenario.content("standing answer"));
        upstream.failFirst("flaky", 1, OpenAiFailures.rateLimited(3));

        // when
        HttpResponse<String> first = post("flaky");
        HttpResponse<String> second = post("flaky");

        // then
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).hasValue("3");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("standing answer");
    }

    @Test
    void should_fail_only_the_model_it_was_scripted_for() throws Exception {
        // given
        upstream.failFirst("flaky", 1, OpenAiFailures.serverError());

        // when
        int other = post("steady").statusCode();
        int flaky = post("flaky").statusCode();

        // then
        assertThat(other).isEqualTo(200);
        assertThat(flaky).isEqualTo(500);
    }

    @Test
    void should_hand_each_first_answer_to_exactly_one_of_many_concurrent_requests() {
        // given
        upstream.failFirst("flaky", 5, OpenAiFailures.serverError());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(chat("flaky"))).build();

        // when
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 30)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        List<Integer> statuses = calls.stream().map(call -> call.join().statusCode()).toList();

        // then
        assertThat(statuses).filteredOn(status -> status == 500).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(25);
    }

    @Test
    void should_forget_pending_failures_when_the_scripts_are_cleared() throws Exception {
        // given
        upstream.failFirst("flaky", 3, OpenAiFailures.serverError());
        post("flaky");

        // when
        upstream.clearScripts();

        // then
        assertThat(post("flaky").statusCode()).isEqualTo(200);
    }

    @Test
    void should_count_the_requests_for_each_model() throws Exception {
        // given
        post("first");
        post("second");
        post("first");
        http.post("/chat/completions", "not json");
        http.get("/models");

        // when / then
        assertThat(upstream.requestCount("first")).isEqualTo(2);
        assertThat(upstream.requestCount("second")).isEqualTo(1);
        assertThat(upstream.requestCount("third")).isZero();
        assertThat(upstream.requestsFor("second")).singleElement()
                .satisfies(request -> assertThat(request.model()).hasValue("second"));
        upstream.clearRequests();
        assertThat(upstream.requestCount("first")).isZero();
    }

    @Test
    void should_reject_a_negative_count() {
        // when / then
        assertThatThrownBy(() -> upstream.failFirst("flaky", -1, OpenAiFailures.serverError()))
                .hasMessage("times: -1 (expected: >= 0)");
    }

    private HttpResponse<String> post(String model) {
        try {
            return http.post("/chat/completions", chat(model));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }
}
