package io.llmgate.it;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The official OpenAI Java SDK, pointed at the gateway with the master key, works unchanged. */
class OpenAiJavaSdkIT extends DeployedGatewayTestBase {

    private OpenAIClient client;

    @BeforeEach
    void connectTheSdkToTheGateway() {
        client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.uri("/v1").toString())
                .apiKey(GatewayConfigFile.MASTER_KEY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterEach
    void closeTheSdk() {
        client.close();
    }

    @Test
    void should_complete_a_chat_through_the_official_sdk() {
        // given
        upstream.script("gpt-4o-mini", Scenario.content("Hello from behind the gateway."));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Say hello")
                .build();

        // when
        ChatCompletion completion = client.chat().completions().create(params);

        // then
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).hasValue("Hello from behind the gateway.");
    }

    @Test
    void should_stream_a_chat_through_the_official_sdk() {
        // given
        upstream.script("stream-model", Scenario.content("Streamed through the gateway.").withStream(4, Duration.ofMillis(20)));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("stream-model")
                .addUserMessage("Say hello")
                .build();

        // when
        String content;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            content = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content())
                    .flatMap(Optional::stream)
                    .collect(Collectors.joining());
        }

        // then
        assertThat(content).isEqualTo("Streamed through the gateway.");
    }
}
