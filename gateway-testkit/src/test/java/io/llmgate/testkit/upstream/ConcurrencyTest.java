package io.llmgate.testkit.upstream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {
    private static final String STREAM = """
            {"model":"slow","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    @AutoClose
    private final FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start();

    @Test
    void should_serve_two_hundred_slow_streams_at_once() {
        // given each stream takes 2 s: 3 content events 1 s apart
        upstream.script("slow", Scenario.stream(3, Duration.ofSeconds(1)));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(STREAM))
                .build();
        long start = System.nanoTime();

        // when
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 200)
                .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        // then all finished in about one stream's time, so none waited for a free thread
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(responses).allSatisfy(response -> assertThat(response.body()).endsWith("data: [DONE]\n\n"));
        assertThat(elapsedMillis).isBetween(2_000L, 3_800L);
    }

    @Test
    void should_keep_the_connection_alive_between_requests() throws Exception {
        // given
        String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (RawHttp connection = new RawHttp(upstream.port())) {
            // when
            connection.sendPost("/v1/chat/completions", chat);
            RawHttp.SizedResponse first = connection.readSizedResponse();
            connection.sendPost("/v1/chat/completions", STREAM.replace("slow", "gpt-4o-mini"));
            RawHttp.ChunkedResponse second = connection.readChunkedResponse();
            connection.sendPost("/v1/chat/completions", chat);
            RawHttp.SizedResponse third = connection.readSizedResponse();

            // then
            assertThat(first.head()).startsWith("HTTP/1.1 200");
            assertThat(second.terminated()).isTrue();
            assertThat(third.body()).contains("chat.completion");
            assertThat(upstream.requests()).hasSize(3);
        }
    }
}
