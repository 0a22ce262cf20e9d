package io.llmgate.web.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.auth.Caller;
import io.llmgate.core.json.Json;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.pipeline.InferencePipeline;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.EventStream;
import io.llmgate.web.Deployments;
import io.llmgate.web.StaticRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceDispatcherTest {
    private static final Deployment DEPLOYMENT = Deployments.of("chat", "openai/gpt-4o", "deployment-1");
    private static final String CHAT = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String KEY = "sk-master-test";
    private static final String MESSAGES =
            "{\"model\":\"chat\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** The use case, answering with whatever the test says and remembering the calls it got. */
    private static final class ScriptedPipeline extends InferencePipeline {
        final List<InferenceCall> calls = new CopyOnWriteArrayList<>();
        Function<InferenceCall, CompletionStage<CallOutcome>> answer;

        @Override
        public CompletionStage<CallOutcome> execute(InferenceCall call) {
            calls.add(call);
            return answer.apply(call);
        }
    }

    private final ScriptedPipeline pipeline = new ScriptedPipeline();
    private final StreamWriters writers = new StreamWriters();
    private final InferenceDispatcher dispatcher = new InferenceDispatcher();

    InferenceDispatcherTest() {
        writers.start();
        dispatcher.runtime = new StaticRuntime(Optional.of(KEY), 1_000);
        dispatcher.pipeline = pipeline;
        dispatcher.writers = writers;
    }

    @AfterEach
    void stopWriters() {
        writers.stop();
    }

    @Test
    void should_answer_with_the_providers_body_and_pass_the_call_on() throws Exception {
        // given
        byte[] body = "{\"id\":\"chatcmpl-1\"}".getBytes(StandardCharsets.UTF_8);
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", body));

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.bodyText()).isEqualTo("{\"id\":\"chatcmpl-1\"}");
        assertThat(exchange.contentLength).isEqualTo(body.length);
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-model-id", "deployment-1");
        InferenceCall call = pipeline.calls.get(0);
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-call-id", call.callId());
        assertThat(call.callId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(call.caller()).isEqualTo(Caller.MASTER);
        assertThat(call.request().model()).isEqualTo("chat");
    }

    @Test
    void should_pass_the_x_litellm_timeout_header_on_as_the_calls_timeout() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", new byte[] {'{', '}'}));

        // when
        dispatch(authorized(CHAT).header("x-litellm-timeout", "2.5"));

        // then
        assertThat(pipeline.calls.get(0).requestedTimeout()).contains(java.time.Duration.ofMillis(2_500));
    }

    @Test
    void should_refuse_a_malformed_x_litellm_timeout_with_a_400_naming_it() throws Exception {
        // when
        ServletExchange exchange = dispatch(authorized(CHAT).header("x-litellm-timeout", "soon"));

        // then
        assertThat(exchange.status).isEqualTo(400);
        assertThat(error(exchange).path("param").asText()).isEqualTo("x-litellm-timeout");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_refuse_a_request_without_a_key() throws Exception {
        // when
        ServletExchange exchange = dispatch(ServletExchange.post("/v1/chat/completions", CHAT));

        // then
        assertThat(exchange.status).isEqualTo(401);
        assertThat(error(exchange).path("message").asText()).contains("no API key passed in");
        assertThat(exchange.responseHeaders).containsKey("x-litellm-call-id");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_refuse_a_wrong_key_in_any_of_litellms_headers() throws Exception {
        // when
        ServletExchange exchange = dispatch(ServletExchange.post("/v1/chat/completions", CHAT)
                .header("x-api-key", "sk-wrong"));

        // then
        assertThat(exchange.status).isEqualTo(401);
        assertThat(error(exchange).path("message").asText()).isEqualTo("Authentication Error: invalid API key");
        assertThat(exchange.bodyText()).doesNotContain("sk-wrong");
    }

    @Test
    void should_refuse_a_body_over_the_limit_without_calling_the_pipeline() throws Exception {
        // when
        ServletExchange exchange = dispatch(authorized("{\"model\":\"" + "x".repeat(2_000) + "\"}"));

        // then
        assertThat(exchange.status).isEqualTo(413);
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_refuse_a_declared_length_over_the_limit() throws Exception {
        // when
        ServletExchange exchange = dispatch(new ServletExchange("POST", "/v1/chat/completions", CHAT, 5_000)
                .header("Authorization", "Bearer " + KEY));

        // then
        assertThat(exchange.status).isEqualTo(413);
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_malformed_json_with_a_400() throws Exception {
        // when
        ServletExchange exchange = dispatch(authorized("{\"model\":"));

        // then
        assertThat(exchange.status).isEqualTo(400);
        assertThat(error(exchange).path("message").asText()).startsWith("Request body is not valid JSON");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_a_failed_call_with_its_error() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                "groq returned 429: slow down", true, "groq", "llama", null));

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.status).isEqualTo(429);
        assertThat(error(exchange).path("llm_provider").asText()).isEqualTo("groq");
        assertThat(exchange.responseHeaders).doesNotContainKey("Retry-After");
    }

    @Test
    void should_pass_the_providers_retry_after_on() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                "groq returned 429: slow down", true, "groq", "llama", null).withRetryAfter(7));

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.status).isEqualTo(429);
        assertThat(exchange.responseHeaders).containsEntry("Retry-After", "7");
    }

    @Test
    void should_answer_a_refusal_thrown_by_the_pipeline() throws Exception {
        // given
        pipeline.answer = call -> {
            throw GatewayException.upstream(ErrorType.RATE_LIMIT, 429, "Max parallel request limit reached", true,
                    "litellm_proxy", "chat", null);
        };

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.status).isEqualTo(429);
        assertThat(exchange.completed).isDone();
    }

    @Test
    void should_hide_an_unexpected_failure_behind_a_500_that_names_the_call() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(new IllegalStateException("internal detail"));

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.status).isEqualTo(500);
        assertThat(error(exchange).path("message").asText())
                .isEqualTo("Internal error; see the gateway log for call " + pipeline.calls.get(0).callId());
        assertThat(exchange.bodyText()).doesNotContain("internal detail");
    }

    @Test
    void should_write_a_stream_from_a_writer_thread() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        events.finish();
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));

        // when
        ServletExchange exchange = dispatch(authorized(CHAT));

        // then
        assertThat(exchange.contentType).isEqualTo("text/event-stream");
        assertThat(exchange.responseHeaders).containsEntry("Cache-Control", "no-cache");
        assertThat(exchange.bodyText()).isEqualTo("data: {\"n\":1}\n\ndata: [DONE]\n\n");
        assertThat(exchange.completed.get()).isNotSameAs(Thread.currentThread());
        assertThat(events.isCancelled()).isFalse();
    }

    @Test
    void should_cancel_the_stream_when_the_client_is_gone() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));
        ServletExchange exchange = authorized(CHAT);
        exchange.clientGone = true;

        // when
        dispatch(exchange);

        // then
        assertThat(events.isCancelled()).isTrue();
    }

    @Test
    void should_cancel_the_provider_call_when_the_client_connection_fails() throws Exception {
        // given
        CompletableFuture<CallOutcome> pending = new CompletableFuture<>();
        pipeline.answer = call -> pending;
        ServletExchange exchange = authorized(CHAT);
        dispatcher.dispatch(InferenceEndpoint.CHAT_COMPLETIONS, exchange.request(), exchange.response());

        // when
        exchange.failConnection();

        // then
        assertThat(pending).isCancelled();
        exchange.completed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void should_decode_a_messages_request_and_keep_the_anthropic_version_header() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", new byte[] {'{', '}'}));

        // when
        ServletExchange exchange = dispatchMessages(MESSAGES);

        // then
        assertThat(exchange.status).isEqualTo(200);
        InferenceCall call = pipeline.calls.get(0);
        assertThat(call.request().endpoint()).isEqualTo(InferenceEndpoint.MESSAGES);
        assertThat(call.request().frontDoorHeaders()).containsEntry("anthropic-version", "2023-06-01");
    }

    @Test
    void should_refuse_a_messages_request_without_max_tokens_in_anthropics_shape() throws Exception {
        // when
        ServletExchange exchange = dispatchMessages("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        // then
        JsonNode body = Json.mapper().readTree(exchange.body.toByteArray());
        assertThat(exchange.status).isEqualTo(400);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.at("/error/message").asText()).startsWith("max_tokens: missing");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_refuse_a_messages_request_without_a_key_in_anthropics_shape() throws Exception {
        // when
        ServletExchange exchange = dispatch(ServletExchange.post("/v1/messages", MESSAGES), FrontDoor.anthropicMessages());

        // then
        assertThat(exchange.status).isEqualTo(401);
        assertThat(Json.mapper().readTree(exchange.body.toByteArray()).at("/error/type").asText())
                .isEqualTo("authentication_error");
    }

    @Test
    void should_refuse_an_oversized_messages_body_in_anthropics_shape() throws Exception {
        // when
        ServletExchange exchange = dispatchMessages(MESSAGES.replace("\"hi\"", "\"" + "x".repeat(2_000) + "\""));

        // then
        assertThat(exchange.status).isEqualTo(413);
        assertThat(Json.mapper().readTree(exchange.body.toByteArray()).at("/error/type").asText())
                .isEqualTo("request_too_large");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_a_failed_messages_call_in_anthropics_shape() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                "openai returned 429: slow down", true, "openai", "gpt-4o", null));

        // when
        ServletExchange exchange = dispatchMessages(MESSAGES);

        // then
        assertThat(exchange.status).isEqualTo(429);
        assertThat(Json.mapper().readTree(exchange.body.toByteArray()).at("/error/type").asText())
                .isEqualTo("rate_limit_error");
    }

    @Test
    void should_write_a_messages_stream_in_anthropics_framing() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".getBytes(StandardCharsets.UTF_8));
        events.finish();
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));

        // when
        ServletExchange exchange = dispatchMessages(MESSAGES.replace("}]}", "}],\"stream\":true}"));

        // then
        assertThat(exchange.bodyText()).isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(exchange.responseHeaders).containsEntry("x-litellm-model-id", "deployment-1");
    }

    private ServletExchange dispatchMessages(String body) throws Exception {
        return dispatch(ServletExchange.post("/v1/messages", body).header("x-api-key", KEY)
                .header("anthropic-version", "2023-06-01"), FrontDoor.anthropicMessages());
    }

    private ServletExchange dispatch(ServletExchange exchange, FrontDoor door) throws Exception {
        dispatcher.dispatch(door, exchange.request(), exchange.response());
        return exchange.awaitCompletion();
    }

    private static ServletExchange authorized(String body) {
        return ServletExchange.post("/v1/chat/completions", body).header("Authorization", "Bearer " + KEY);
    }

    private ServletExchange dispatch(ServletExchange exchange) throws Exception {
        dispatcher.dispatch(InferenceEndpoint.CHAT_COMPLETIONS, exchange.request(), exchange.response());
        return exchange.awaitCompletion();
    }

    private static JsonNode error(ServletExchange exchange) throws Exception {
        return Json.mapper().readTree(exchange.body.toByteArray()).path("error");
    }
}
