package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static io.llmgate.it.support.ChatRequests.chat;
import static io.llmgate.it.support.ChatRequests.streamingChat;
import static io.llmgate.it.support.ChatRequests.streamingChatWithUsage;
import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/chat/completions through the deployed gateway: plain answers, streams, and what reaches the upstream. */
class ChatCompletionsIT extends DeployedGatewayTestBase {

    @Test
    void should_return_the_upstream_completion() {
        // given
        upstream.script("gpt-4o-mini", Scenario.content("The gateway works."));

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("gpt-4o-mini"));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        JsonNode body = assertThatResponse(response).json();
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("The gateway works.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/chat/completions"})
    void should_serve_chat_completions_with_and_without_the_v1_prefix(String path) {
        // when
        HttpResponse<String> response = gateway.post(path, chat("gpt-4o-mini"));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody();
        assertThat(assertThatResponse(response).json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(Scenario.DEFAULT_CONTENT);
    }

    @Test
    void should_send_the_provider_model_name_and_the_deployment_key_upstream() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("gpt-4o-mini"));

        // then
        assertThatResponse(response).hasStatus(200);
        RecordedRequest sent = onlyChatRequestUpstream();
        assertThat(sent.bodyJson().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.header("authorization")).hasValue("Bearer " + GatewayConfigFile.UPSTREAM_KEY);
    }

    @Test
    void should_strip_only_the_provider_prefix_from_the_upstream_model_name() {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("local-vllm"));

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(onlyChatRequestUpstream().bodyJson().path("model").asText())
                .isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void should_never_forward_the_master_key_upstream() {
        // given a deployment without an api_key of its own
        String model = "local-vllm";

        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions", chat(model));

        // then
        assertThatResponse(response).hasStatus(200);
        RecordedRequest sent = onlyChatRequestUpstream();
        assertThat(sent.headers().values()).allSatisfy(values ->
                assertThat(values).noneMatch(value -> value.contains(GatewayConfigFile.MASTER_KEY)));
        assertThat(sent.body()).doesNotContain(GatewayConfigFile.MASTER_KEY);
    }

    @Test
    void should_stream_chunks_as_they_arrive() {
        // given five content events, 300 ms apart upstream
        Scenario slowStream = Scenario.stream(5, Duration.ofMillis(300));
        upstream.script("stream-model", slowStream);

        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChat("stream-model"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<StreamedResponse.Line> events = stream.contentLines();
        assertThat(events).as(stream.body()).hasSize(5);
        long first = events.get(0).atMillis();
        long last = events.get(events.size() - 1).atMillis();
        assertThat(last - first).as("ms between the first and the last content event; arrivals %s", events)
                .isGreaterThanOrEqualTo(900);
        List<Long> gaps = IntStream.range(1, events.size())
                .mapToObj(i -> events.get(i).atMillis() - events.get(i - 1).atMillis())
                .toList();
        assertThat(gaps).as("ms between consecutive content events").filteredOn(gap -> gap >= 150).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stream.content()).isEqualTo(slowStream.content());
    }

    @Test
    void should_cancel_the_upstream_call_when_the_client_leaves_a_stream() throws Exception {
        // given a long stream: 40 events, 100 ms apart upstream
        upstream.script("stream-model", Scenario.stream(40, Duration.ofMillis(100)));
        java.net.URI uri = gateway.uri("/v1/chat/completions");
        byte[] body = streamingChat("stream-model").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // when the client reads two events and closes its connection
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + GatewayConfigFile.MASTER_KEY + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            int events = 0;
            for (String line; events < 2 && (line = reader.readLine()) != null; ) {
                if (line.startsWith("data: {")) {
                    events++;
                }
            }
            assertThat(events).isEqualTo(2);
        }

        // then the upstream sees its answer abandoned long before the 4 s it would take to finish
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (upstream.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(upstream.abandonedAnswers()).as("upstream answers cut short by the gateway").isEqualTo(1);
    }

    @Test
    void should_end_a_stream_with_done() {
        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChat("stream-model"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.data()).as(stream.body()).last().isEqualTo(StreamedResponse.DONE);
        assertThat(stream.data()).filteredOn(StreamedResponse.DONE::equals).hasSize(1);
        assertThat(stream.readFailure()).isNull();
        assertThat(stream.content()).isEqualTo(Scenario.DEFAULT_CONTENT);
    }

    @Test
    void should_send_a_usage_chunk_last_when_include_usage_is_requested() {
        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChatWithUsage("stream-model"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        List<JsonNode> chunks = stream.chunks();
        assertThat(chunks).as(stream.body()).isNotEmpty();
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("usage").isObject()).as("usage object in the last chunk of %s", stream.body()).isTrue();
        assertThat(last.path("usage").path("total_tokens").asInt()).isPositive();
        assertThat(last.path("choices")).isEmpty();
    }

    @Test
    void should_not_send_usage_unless_include_usage_is_requested() {
        // when
        StreamedResponse stream = gateway.stream("/v1/chat/completions", streamingChat("stream-model"));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.chunks()).as(stream.body()).isNotEmpty()
                .noneMatch(chunk -> chunk.path("usage").isObject());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void should_add_litellm_headers_to_inference_responses(boolean streaming) {
        // when
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                streaming ? streamingChat("gpt-4o-mini") : chat("gpt-4o-mini"));

        // then
        assertThatResponse(response).hasStatus(200)
                .hasHeader("x-litellm-call-id")
                .hasHeader("x-litellm-model-id")
                .hasHeader("x-litellm-model-group")
                .hasHeader("x-litellm-response-duration-ms")
                .hasHeader("x-litellm-overhead-duration-ms");
        assertThat(response.headers().firstValue("x-litellm-model-group")).hasValue("gpt-4o-mini");
        assertThat(response.headers().firstValue("x-litellm-response-duration-ms")).hasValueSatisfying(
                value -> assertThat(value).matches("\\d+(\\.\\d+)?"));
        assertThat(response.headers().firstValue("x-litellm-overhead-duration-ms")).hasValueSatisfying(
                value -> assertThat(value).matches("\\d+(\\.\\d+)?"));
    }

    private RecordedRequest onlyChatRequestUpstream() {
        List<RecordedRequest> chats = upstream.requests().stream()
                .filter(request -> request.path().equals("/v1/chat/completions"))
                .toList();
        assertThat(chats).as("chat requests the upstream received").hasSize(1);
        return chats.get(0);
    }
}
