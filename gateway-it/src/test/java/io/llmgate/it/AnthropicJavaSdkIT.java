package io.llmgate.it;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The official Anthropic Java SDK, pointed at the gateway with the master key, works unchanged against OpenAI deployments. */
class AnthropicJavaSdkIT extends DeployedGatewayTestBase {

    private AnthropicClient client;

    @BeforeEach
    void connectTheSdkToTheGateway() {
        client = AnthropicOkHttpClient.builder()
                .baseUrl(gateway.root().toString().replaceAll("/$", ""))
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
    void should_create_a_message_through_the_official_sdk() {
        // given
        upstream.script("gpt-4o-mini", Scenario.content("Hello from behind the gateway."));

        // when
        Message message = client.messages().create(MessageCreateParams.builder()
                .model("gpt-4o-mini")
                .maxTokens(100)
                .system("Be brief.")
                .addUserMessage("Say hello")
                .build());

        // then
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).text()).hasValueSatisfying(
                text -> assertThat(text.text()).isEqualTo("Hello from behind the gateway."));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo("Hello from behind the gateway.".length() / 4);
    }

    @Test
    void should_stream_a_message_through_the_official_sdk() {
        // given
        upstream.script("stream-model", Scenario.content("Streamed through the gateway.").withStream(4, Duration.ofMillis(20)));
        MessageAccumulator accumulator = MessageAccumulator.create();

        // when
        String deltas;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(MessageCreateParams.builder()
                .model("stream-model")
                .maxTokens(100)
                .addUserMessage("Say hello")
                .build())) {
            deltas = stream.stream()
                    .peek(accumulator::accumulate)
                    .flatMap(event -> event.contentBlockDelta().stream())
                    .flatMap(delta -> delta.delta().text().stream())
                    .map(text -> text.text())
                    .collect(Collectors.joining());
        }

        // then
        assertThat(deltas).isEqualTo("Streamed through the gateway.");
        Message message = accumulator.message();
        assertThat(message.content().get(0).text()).hasValueSatisfying(
                text -> assertThat(text.text()).isEqualTo("Streamed through the gateway."));
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo("Streamed through the gateway.".length() / 4);
    }

    @Test
    void should_stream_a_tool_call_that_the_sdk_assembles_into_a_tool_use_block() {
        // given
        upstream.script("stream-model", Scenario.toolCall("call_weather_1", "get_weather", "{\"city\":\"Paris\"}"));
        MessageAccumulator accumulator = MessageAccumulator.create();

        // when
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(MessageCreateParams.builder()
                .model("stream-model")
                .maxTokens(100)
                .addTool(weatherTool())
                .addUserMessage("Weather in Paris?")
                .build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        // then
        Message message = accumulator.message();
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        Optional<ToolUseBlock> toolUse = message.content().stream().map(ContentBlock::toolUse).flatMap(Optional::stream).findFirst();
        assertThat(toolUse).hasValueSatisfying(block -> {
            assertThat(block.id()).isEqualTo("call_weather_1");
            assertThat(block.name()).isEqualTo("get_weather");
            assertThat(block._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        });
    }

    @Test
    void should_count_tokens_through_the_official_sdk() {
        // when
        long tokens = client.messages().countTokens(MessageCountTokensParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Hello, Claude")
                .build()).inputTokens();

        // then
        assertThat(tokens).isBetween(4L, 20L);
    }

    @Test
    void should_raise_the_sdks_own_exceptions_for_errors() {
        // given
        upstream.script("error-model", Scenario.openAiError(429, "rate_limit_error", "Slow down", "rate_limit_exceeded"));

        // when
        BadRequestException badRequest = catchThrowableOfType(BadRequestException.class, () -> client.messages().create(
                MessageCreateParams.builder().model("no-such-model").maxTokens(10).addUserMessage("hi").build()));
        RateLimitException rateLimited = catchThrowableOfType(RateLimitException.class, () -> client.messages().create(
                MessageCreateParams.builder().model("error-model").maxTokens(10).addUserMessage("hi").build()));

        // then
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.getMessage()).contains("no-such-model");
        assertThat(rateLimited.statusCode()).isEqualTo(429);
    }

    private static Tool weatherTool() {
        return Tool.builder()
                .name("get_weather")
                .description("Weather in a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string")))
                                .build())
                        .addRequired("city")
                        .build())
                .build();
    }
}
