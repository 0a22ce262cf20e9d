package io.llmgate.testkit.upstream;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedAnswerTest {
    @Test
    void should_count_a_stream_whose_client_closed_the_connection() throws Exception {
        try (FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start()) {
            // given a long stream
            upstream.script("long", Scenario.stream(40, Duration.ofMillis(50)));
            byte[] body = "{\"model\":\"long\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                    .getBytes(StandardCharsets.UTF_8);

            // when the client reads two events and leaves
            try (Socket socket = new Socket("127.0.0.1", upstream.port())) {
                socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                int events = 0;
                for (String line; events < 2 && (line = reader.readLine()) != null; ) {
                    events += line.startsWith("data: {") ? 1 : 0;
                }
            }

            // then
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (upstream.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(upstream.abandonedAnswers()).isEqualTo(1);
        }
    }
}
