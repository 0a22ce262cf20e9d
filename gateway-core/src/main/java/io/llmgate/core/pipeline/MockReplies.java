package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.upstream.EventStream;

import java.time.Instant;
import java.util.UUID;

/**
 * What LiteLLM's test switches produce instead of a provider call: {@code mock_response} answers with the
 * given text (a chat completion, or its chunks for a stream); the {@code mock_testing_*} switches fail the
 * requested group with the error class whose fallbacks they exercise.
 */
final class MockReplies {
    private MockReplies() {
    }

    static GatewayException failure(RequestRouting.MockFailure kind, String group) {
        return switch (kind) {
            case RATE_LIMIT -> GatewayException.upstream(ErrorType.RATE_LIMIT, 429,
                    "This is a mock rate limit error for model=" + group, true, "litellm", group, null);
            case CONTEXT_WINDOW -> GatewayException.upstream(ErrorType.CONTEXT_WINDOW_EXCEEDED, 400,
                    "This is a mock context window exceeded error for model=" + group, false, "litellm", group, null);
            case CONTENT_POLICY -> GatewayException.upstream(ErrorType.CONTENT_POLICY, 400,
                    "This is a mock content policy violation error for model=" + group, false, "litellm", group, null);
            case GENERIC, NONE -> GatewayException.upstream(ErrorType.INTERNAL, 500,
                    "This is a mock exception for model=" + group + ", to trigger a fallback", true, "litellm", group, null);
        };
    }

    static CallOutcome answer(InferenceRequest request, Deployment deployment, String text) {
        if (request.endpoint() != InferenceEndpoint.CHAT_COMPLETIONS) {
            throw GatewayException.invalidField("mock_response", "mock_response is supported on /v1/chat/completions");
        }
        String id = "chatcmpl-mock-" + UUID.randomUUID();
        long created = Instant.now().getEpochSecond();
        if (!request.stream()) {
            ObjectNode completion = base(id, "chat.completion", created, request.model());
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", text);
            choice.put("finish_reason", "stop");
            usage(completion);
            return new CallOutcome.Answered(deployment, 0, "application/json", Json.bytes(completion));
        }
        EventStream events = new EventStream(ProviderCall.STREAM_WINDOW_BYTES);
        events.push(chunk(id, created, request.model(), text, null));
        events.push(chunk(id, created, request.model(), null, "stop"));
        if (request.includeUsage()) {
            ObjectNode last = base(id, "chat.completion.chunk", created, request.model());
            last.putArray("choices");
            usage(last);
            events.push(Json.bytes(last));
        }
        events.finish();
        return new CallOutcome.Streaming(deployment, 0, events);
    }

    private static byte[] chunk(String id, long created, String model, String content, String finish) {
        ObjectNode chunk = base(id, "chat.completion.chunk", created, model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("role", "assistant").put("content", content);
        }
        choice.put("finish_reason", finish);
        return Json.bytes(chunk);
    }

    private static ObjectNode base(String id, String object, long created, String model) {
        return Json.mapper().createObjectNode().put("id", id).put("object", object).put("created", created)
                .put("model", model);
    }

    private static void usage(ObjectNode node) {
        node.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
    }
}
