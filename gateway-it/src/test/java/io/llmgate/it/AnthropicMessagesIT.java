package io.llmgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.it.support.DeployedGatewayTestBase;
import io.llmgate.it.support.GatewayConfigFile;
import io.llmgate.it.support.Json;
import io.llmgate.it.support.StreamedResponse;
import io.llmgate.testkit.upstream.RecordedRequest;
import io.llmgate.testkit.upstream.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.llmgate.it.support.ResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anthropic's Messages API front door, as Claude Code and the Anthropic SDKs use it ({@code x-api-key},
 * {@code anthropic-version}), onto OpenAI deployments of the fake upstream: requests arrive there as OpenAI
 * chat requests, and answers, streams and errors come back in Anthropic's formats.
 */
class AnthropicMessagesIT extends DeployedGatewayTestBase {

    private static final String WEATHER_TOOL = """
            {"name": "get_weather", "description": "Weather in a city",
             "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}""";

    @Test
    void should_answer_a_message_in_anthropic_format_from_an_openai_deployment() {
        // given
        upstream.script("gpt-4o-mini", Scenario.content("Paris is the capital of France."));

        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages", """
                {"model": "gpt-4o-mini", "max_tokens": 100, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Capital of France?"}]}"""));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody()
                .hasHeader("x-litellm-call-id").hasHeader("x-litellm-model-id").hasHeader("x-litellm-response-duration-ms");
        assertThat(response.headers().firstValue("x-litellm-model-group")).contains("gpt-4o-mini");
        JsonNode message = Json.parse(response.body());
        assertThat(message.path("id").asText()).startsWith("msg_");
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(message.path("content")).hasSize(1);
        assertThat(message.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(message.at("/usage/input_tokens").asInt()).isPositive();
        assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo("Paris is the capital of France.".length() / 4);

        RecordedRequest sent = onlyUpstreamRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).contains("Bearer " + GatewayConfigFile.UPSTREAM_KEY);
        assertThat(sent.header("x-api-key")).isEmpty();
        assertThat(sent.bodyJson().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.bodyJson().path("max_tokens").asInt()).isEqualTo(100);
        assertThat(sent.bodyJson().at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.bodyJson().at("/messages/1/content").asText()).isEqualTo("Capital of France?");
    }

    @Test
    void should_answer_on_the_route_without_v1_to_a_bearer_token() {
        // when
        HttpResponse<String> response = gateway.post("/messages", """
                {"model": "gpt-4o-mini", "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}""");

        // then
        assertThatResponse(response).hasStatus(200);
        assertThat(Json.parse(response.body()).at("/content/0/text").asText()).isEqualTo(Scenario.DEFAULT_CONTENT);
    }

    @Test
    void should_stream_anthropics_event_sequence_with_the_text_and_the_output_tokens() {
        // given
        upstream.script("stream-model", Scenario.content("Streamed through the gateway.").withStream(4, Duration.ofMillis(20)));

        // when
        StreamedResponse stream = gateway.stream(anthropic("/v1/messages", """
                {"model": "stream-model", "max_tokens": 100, "stream": true,
                 "messages": [{"role": "user", "content": "Say hello"}]}"""));

        // then
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(stream.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.header("x-litellm-model-group")).contains("stream-model");
        assertThat(stream.eventNames()).as(stream.body()).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(stream.data()).doesNotContain(StreamedResponse.DONE);
        List<JsonNode> events = stream.chunks();
        assertThat(events).allSatisfy(event -> assertThat(event.path("type").isTextual()).isTrue());
        assertThat(events.stream().filter(event -> event.path("type").asText().equals("content_block_delta"))
                .map(event -> event.at("/delta/text").asText()).collect(Collectors.joining()))
                .isEqualTo("Streamed through the gateway.");
        JsonNode messageDelta = events.get(events.size() - 2);
        assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isEqualTo("Streamed through the gateway.".length() / 4);
        assertThat(messageDelta.at("/usage/input_tokens").asInt()).isPositive();
        assertThat(onlyUpstreamRequest().bodyJson().at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void should_round_trip_a_tool_call_between_anthropic_tool_use_and_openai_tool_calls() {
        // given the model calls the tool
        upstream.script("gpt-4o-mini", Scenario.toolCall("call_weather_1", "get_weather", "{\"city\":\"Paris\"}"));

        // when
        HttpResponse<String> first = gateway.send(anthropic("/v1/messages", """
                {"model": "gpt-4o-mini", "max_tokens": 100, "tools": [%s], "tool_choice": {"type": "auto"},
                 "messages": [{"role": "user", "content": "Weather in Paris?"}]}""".formatted(WEATHER_TOOL)));

        // then
        assertThatResponse(first).hasStatus(200);
        JsonNode message = Json.parse(first.body());
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode toolUse = message.at("/content/0");
        assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asText()).isEqualTo("call_weather_1");
        assertThat(toolUse.path("name").asText()).isEqualTo("get_weather");
        assertThat(toolUse.path("input")).isEqualTo(Json.parse("{\"city\":\"Paris\"}"));
        JsonNode sentTools = onlyUpstreamRequest().bodyJson();
        assertThat(sentTools.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(sentTools.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("city");
        assertThat(sentTools.path("tool_choice").asText()).isEqualTo("auto");

        // and given the client answers with the tool's result
        upstream.clearRequests();
        upstream.script("gpt-4o-mini", Scenario.content("It is sunny in Paris."));

        // when
        HttpResponse<String> second = gateway.send(anthropic("/v1/messages", """
                {"model": "gpt-4o-mini", "max_tokens": 100, "tools": [%s],
                 "messages": [{"role": "user", "content": "Weather in Paris?"},
                              {"role": "assistant", "content": %s},
                              {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "call_weather_1",
                                                            "content": "sunny, 24 C"}]}]}"""
                .formatted(WEATHER_TOOL, message.path("content").toString())));

        // then
        assertThatResponse(second).hasStatus(200);
        assertThat(Json.parse(second.body()).at("/content/0/text").asText()).isEqualTo("It is sunny in Paris.");
        JsonNode history = onlyUpstreamRequest().bodyJson().path("messages");
        assertThat(history.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(history.at("/1/tool_calls/0/id").asText()).isEqualTo("call_weather_1");
        assertThat(Json.parse(history.at("/1/tool_calls/0/function/arguments").asText()))
                .isEqualTo(Json.parse("{\"city\":\"Paris\"}"));
        assertThat(history.at("/2/role").asText()).isEqualTo("tool");
        assertThat(history.at("/2/tool_call_id").asText()).isEqualTo("call_weather_1");
        assertThat(history.at("/2/content").asText()).isEqualTo("sunny, 24 C");
    }

    @Test
    void should_stream_a_tool_call_as_a_tool_use_block_with_input_json_deltas() {
        // given
        upstream.script("stream-model", Scenario.toolCall("call_weather_2", "get_weather", "{\"city\":\"Rome\"}"));

        // when
        StreamedResponse stream = gateway.stream(anthropic("/v1/messages", """
                {"model": "stream-model", "max_tokens": 100, "stream": true, "tools": [%s],
                 "messages": [{"role": "user", "content": "Weather in Rome?"}]}""".formatted(WEATHER_TOOL)));

        // then
        List<JsonNode> events = stream.chunks();
        JsonNode start = events.stream().filter(event -> event.path("type").asText().equals("content_block_start"))
                .findFirst().orElseThrow(() -> new AssertionError(stream.body()));
        assertThat(start.at("/content_block/type").asText()).isEqualTo("tool_use");
        assertThat(start.at("/content_block/id").asText()).isEqualTo("call_weather_2");
        assertThat(start.at("/content_block/name").asText()).isEqualTo("get_weather");
        String input = events.stream().filter(event -> event.at("/delta/type").asText().equals("input_json_delta"))
                .map(event -> event.at("/delta/partial_json").asText()).collect(Collectors.joining());
        assertThat(Json.parse(input)).isEqualTo(Json.parse("{\"city\":\"Rome\"}"));
        assertThat(events.get(events.size() - 2).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(stream.eventNames()).endsWith("content_block_stop", "message_delta", "message_stop");
    }

    @Test
    void should_count_input_tokens() {
        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages/count_tokens", """
                {"model": "gpt-4o-mini", "system": "You are a scientist",
                 "messages": [{"role": "user", "content": "Hello, Claude"}], "tools": [%s]}""".formatted(WEATHER_TOOL)));

        // then
        assertThatResponse(response).hasStatus(200).hasJsonBody().hasHeader("x-litellm-call-id");
        JsonNode body = Json.parse(response.body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("input_tokens").asInt()).isBetween(20, 80);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_refuse_malformed_json_with_an_anthropic_invalid_request_error() {
        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages", "{\"model\": \"gpt-4o-mini\", \"messages\": ["));

        // then
        assertThatResponse(response).hasStatus(400).hasAnthropicErrorType("invalid_request_error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            max_tokens    | {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
            messages      | {"model": "gpt-4o-mini", "max_tokens": 10}
            no-such-model | {"model": "no-such-model", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}
            tools[0].type | {"model": "gpt-4o-mini", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "web_search_20250305", "name": "web_search"}]}
            """)
    void should_refuse_a_bad_request_with_a_400_naming_the_problem(String named, String body) {
        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages", body));

        // then
        assertThatResponse(response).hasStatus(400).hasAnthropicErrorType("invalid_request_error");
        assertThat(Json.parse(response.body()).at("/error/message").asText()).contains(named);
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_refuse_a_wrong_x_api_key_with_an_anthropic_authentication_error() {
        // when
        HttpResponse<String> response = gateway.send(gateway.newPost("/v1/messages", """
                {"model": "gpt-4o-mini", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}""")
                .header("x-api-key", "sk-ant-wrong").header("anthropic-version", "2023-06-01"));

        // then
        assertThatResponse(response).hasStatus(401).hasAnthropicErrorType("authentication_error");
        assertThat(response.body()).doesNotContain("sk-ant-wrong");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void should_refuse_a_count_without_a_key_with_an_anthropic_authentication_error() {
        // when
        HttpResponse<String> response = gateway.send(gateway.newPost("/v1/messages/count_tokens", """
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}"""));

        // then
        assertThatResponse(response).hasStatus(401).hasAnthropicErrorType("authentication_error");
    }

    @ParameterizedTest(name = "upstream {0} -> {2} {1}")
    @CsvSource({
            "429, rate_limit_error, 429, rate_limit_error",
            "503, overloaded_error, 529, service_unavailable",
            "500, api_error,        500, server_error",
            "401, authentication_error, 401, invalid_request_error"})
    void should_map_an_upstream_error_to_anthropics_error_type(int upstreamStatus, String anthropicType, int status,
                                                                String openAiType) {
        // given
        upstream.script("error-model", Scenario.openAiError(upstreamStatus, openAiType, "scripted failure " + upstreamStatus, null));

        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages", """
                {"model": "error-model", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}"""));

        // then
        assertThatResponse(response).hasStatus(status).hasAnthropicErrorType(anthropicType);
        assertThat(Json.parse(response.body()).at("/error/message").asText()).contains("scripted failure " + upstreamStatus);
    }

    @Test
    void should_answer_an_unreachable_upstream_with_an_anthropic_api_error() {
        // when
        HttpResponse<String> response = gateway.send(anthropic("/v1/messages", """
                {"model": "dead-upstream", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}"""));

        // then
        assertThatResponse(response).hasStatusIn(502, 529).hasJsonBody();
        assertThat(Json.parse(response.body()).at("/error/type").asText()).isIn("api_error", "overloaded_error");
    }

    @Test
    void should_end_a_stream_the_upstream_drops_with_an_anthropic_error_event() {
        // given
        upstream.script("stream-model", Scenario.stream(6, Duration.ofMillis(50)).withDropAfterChunks(2));

        // when
        StreamedResponse stream = gateway.stream(anthropic("/v1/messages", """
                {"model": "stream-model", "max_tokens": 100, "stream": true,
                 "messages": [{"role": "user", "content": "Say hello"}]}"""));

        // then
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.eventNames()).as(stream.body()).startsWith("message_start").endsWith("error")
                .doesNotContain("message_stop");
        JsonNode error = stream.chunks().get(stream.chunks().size() - 1);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("api_error");
    }

    @Test
    void should_answer_a_wrong_method_on_the_messages_route_in_anthropics_shape() {
        // when
        HttpResponse<String> response = gateway.get("/v1/messages");

        // then
        assertThatResponse(response).hasStatus(405).hasAnthropicErrorType("invalid_request_error");
    }

    /** A POST as the Anthropic SDKs send it: the key in {@code x-api-key}, the API version named. */
    private HttpRequest.Builder anthropic(String path, String json) {
        return gateway.newPost(path, json)
                .header("x-api-key", GatewayConfigFile.MASTER_KEY)
                .header("anthropic-version", "2023-06-01");
    }

    private RecordedRequest onlyUpstreamRequest() {
        assertThat(upstream.requests()).hasSize(1);
        return upstream.requests().get(0);
    }
}
