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
import io.llmgate.web.filter.CallContext;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ConnectionCallback;
import jakarta.ws.rs.container.TimeoutHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceDispatcherTest {
    private static final Deployment DEPLOYMENT = Deployments.of("chat", "openai/gpt-4o", "deployment-1");
    private static final String CHAT = "{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MESSAGES = "{\"model\":\"chat\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** Records what it was resumed with; can refuse the resume as a container does for a departed client. */
    static final class Async implements AsyncResponse {
        final CompletableFuture<Response> resumed = new CompletableFuture<>();
        final List<Object> registered = new ArrayList<>();
        volatile Thread resumedOn;
        boolean accepts = true;
        boolean supportsCallbacks = true;

        @Override
        public boolean resume(Object response) {
            resumedOn = Thread.currentThread();
            resumed.complete((Response) response);
            return accepts;
        }

        @Override
        public boolean resume(Throwable response) {
            resumed.completeExceptionally(response);
            return accepts;
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            if (!supportsCallbacks) {
                throw new UnsupportedOperationException("no connection callbacks here");
            }
            registered.add(callback);
            return List.of(ConnectionCallback.class);
        }

        Response response() throws Exception {
            return resumed.get(5, TimeUnit.SECONDS);
        }

        @Override
        public boolean cancel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(int retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isSuspended() {
            return !resumed.isDone();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return resumed.isDone();
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            throw new UnsupportedOperationException();
        }
    }

    /** The use case, answering with whatever the test says and remembering the calls it got. */
    private static final class ScriptedPipeline extends InferencePipeline {
        final List<InferenceCall> calls = new ArrayList<>();
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
    private final Async async = new Async();

    InferenceDispatcherTest() {
        writers.start();
        dispatcher.runtime = new StaticRuntime(Optional.empty(), 1_000);
        dispatcher.pipeline = pipeline;
        dispatcher.writers = writers;
    }

    @AfterEach
    void stopWriters() {
        writers.stop();
    }

    @Test
    void should_answer_with_the_providers_body_and_pass_the_call_context_on() throws Exception {
        // given
        byte[] body = "{\"id\":\"chatcmpl-1\"}".getBytes(StandardCharsets.UTF_8);
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", body));

        // when
        dispatch(CHAT, -1);

        // then
        Response response = async.response();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isSameAs(body);
        assertThat(response.getHeaderString("x-litellm-model-id")).isEqualTo("deployment-1");
        InferenceCall call = pipeline.calls.get(0);
        assertThat(call.callId()).isEqualTo("call-9");
        assertThat(call.caller()).isEqualTo(Caller.MASTER);
        assertThat(call.receivedNanos()).isEqualTo(777L);
        assertThat(call.request().model()).isEqualTo("chat");
    }

    @Test
    void should_refuse_a_body_over_the_limit_without_calling_the_pipeline() throws Exception {
        // when
        dispatch("{\"model\":\"" + "x".repeat(2_000) + "\"}", -1);

        // then
        assertThat(async.response().getStatus()).isEqualTo(413);
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_refuse_a_declared_length_over_the_limit() throws Exception {
        // when
        dispatch(CHAT, 5_000);

        // then
        assertThat(async.response().getStatus()).isEqualTo(413);
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_malformed_json_with_a_400() throws Exception {
        // when
        dispatch("{\"model\":", -1);

        // then
        Response response = async.response();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(error(response).path("message").asText()).startsWith("Request body is not valid JSON");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_a_failed_call_with_its_error() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                "groq returned 429: slow down", true, "groq", "llama", null));

        // when
        dispatch(CHAT, -1);

        // then
        Response response = async.response();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(error(response).path("llm_provider").asText()).isEqualTo("groq");
    }

    @Test
    void should_answer_a_refusal_thrown_by_the_pipeline() throws Exception {
        // given
        pipeline.answer = call -> {
            throw GatewayException.upstream(ErrorType.RATE_LIMIT, 429, "Max parallel request limit reached", true,
                    "litellm_proxy", "chat", null);
        };

        // when
        dispatch(CHAT, -1);

        // then
        assertThat(async.response().getStatus()).isEqualTo(429);
    }

    @Test
    void should_hide_an_unexpected_failure_behind_a_500_that_names_the_call() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(new IllegalStateException("internal detail"));

        // when
        dispatch(CHAT, -1);

        // then
        Response response = async.response();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(error(response).path("message").asText())
                .isEqualTo("Internal error; see the gateway log for call call-9");
    }

    @Test
    void should_write_a_stream_from_a_writer_thread() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));

        // when
        dispatch(CHAT, -1);

        // then
        Response response = async.response();
        assertThat(response.getMediaType()).hasToString("text/event-stream");
        assertThat(response.getEntity()).isInstanceOf(SseBody.class);
        assertThat(async.resumedOn).isNotSameAs(Thread.currentThread());
        assertThat(events.isCancelled()).isFalse();
    }

    @Test
    void should_cancel_the_stream_when_the_client_left_before_it_could_be_resumed() throws Exception {
        // given
        async.accepts = false;
        EventStream events = new EventStream(1024);
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));

        // when
        dispatch(CHAT, -1);
        async.response();

        // then
        events.completion().toCompletableFuture().handle((v, e) -> null).get(5, TimeUnit.SECONDS);
        assertThat(events.isCancelled()).isTrue();
    }

    @Test
    void should_cancel_the_provider_call_when_the_client_disconnects() throws Exception {
        // given
        CompletableFuture<CallOutcome> pending = new CompletableFuture<>();
        pipeline.answer = call -> pending;
        dispatch(CHAT, -1);

        // when
        assertThat(async.registered).hasSize(1);
        ((ConnectionCallback) async.registered.get(0)).onDisconnect(async);

        // then
        assertThat(pending).isCancelled();
        Response response = async.response();
        assertThat(error(response).path("message").asText()).isEqualTo("The client closed the request");
    }

    @Test
    void should_still_answer_where_the_container_has_no_connection_callbacks() throws Exception {
        // given
        async.supportsCallbacks = false;
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", new byte[] {'{', '}'}));

        // when
        dispatch(CHAT, -1);

        // then
        assertThat(async.response().getStatus()).isEqualTo(200);
    }

    @Test
    void should_decode_a_messages_request_and_keep_the_anthropic_version_header() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.completedFuture(
                new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", new byte[] {'{', '}'}));

        // when
        dispatchMessages(MESSAGES);

        // then
        assertThat(async.response().getStatus()).isEqualTo(200);
        InferenceCall call = pipeline.calls.get(0);
        assertThat(call.request().endpoint()).isEqualTo(InferenceEndpoint.MESSAGES);
        assertThat(call.request().frontDoorHeaders()).containsEntry("anthropic-version", "2023-06-01");
    }

    @Test
    void should_refuse_a_messages_request_without_max_tokens_in_anthropics_shape() throws Exception {
        // when
        dispatchMessages("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        // then
        Response response = async.response();
        JsonNode body = Json.mapper().readTree((byte[]) response.getEntity());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.at("/error/message").asText()).startsWith("max_tokens: missing");
        assertThat(pipeline.calls).isEmpty();
    }

    @Test
    void should_answer_a_failed_messages_call_in_anthropics_shape() throws Exception {
        // given
        pipeline.answer = call -> CompletableFuture.failedFuture(GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                "openai returned 429: slow down", true, "openai", "gpt-4o", null));

        // when
        dispatchMessages(MESSAGES);

        // then
        Response response = async.response();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(Json.mapper().readTree((byte[]) response.getEntity()).at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void should_write_a_messages_stream_in_anthropics_framing() throws Exception {
        // given
        EventStream events = new EventStream(1024);
        events.push("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".getBytes(StandardCharsets.UTF_8));
        events.finish();
        pipeline.answer = call -> CompletableFuture.completedFuture(new CallOutcome.Streaming(DEPLOYMENT, 1, events));
        dispatchMessages(MESSAGES.replace("}]}", "}],\"stream\":true}"));

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((SseBody) async.response().getEntity()).write(out);

        // then
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        assertThat(async.response().getHeaderString("x-litellm-model-id")).isEqualTo("deployment-1");
    }

    private void dispatchMessages(String body) {
        dispatcher.dispatch(FrontDoor.anthropicMessages(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                headers(-1), security(new CallContext("call-9", Caller.MASTER, 777L)), async);
    }

    private void dispatch(String body, long declaredLength) {
        dispatcher.dispatch(InferenceEndpoint.CHAT_COMPLETIONS, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                headers(declaredLength), security(new CallContext("call-9", Caller.MASTER, 777L)), async);
    }

    static HttpHeaders headers(long length) {
        return (HttpHeaders) Proxy.newProxyInstance(InferenceDispatcherTest.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getLength")) {
                        return (int) length;
                    }
                    if (method.getName().equals("getHeaderString")) {
                        return "anthropic-version".equalsIgnoreCase((String) args[0]) ? "2023-06-01" : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static SecurityContext security(CallContext context) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return context;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    private static JsonNode error(Response response) throws Exception {
        return Json.mapper().readTree((byte[]) response.getEntity()).path("error");
    }
}
