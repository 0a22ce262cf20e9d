package io.llmgate.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.json.Json;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The minimal real call a health check makes to one deployment, chosen by {@code model_info.mode} as LiteLLM
 * does: {@code chat} (the default) one short user message with {@code max_tokens: 1}, {@code completion} a
 * one-token text completion, {@code embedding} the embedding of a short input. The request goes through the
 * same decoder as a caller's. {@code model_info.health_check_model} names the model to try (needed for a
 * wildcard deployment), {@code model_info.health_check_timeout} bounds the call (default
 * {@value #DEFAULT_TIMEOUT_SECONDS} s, LiteLLM's {@code HEALTH_CHECK_TIMEOUT_SECONDS}), never beyond the
 * deployment's own {@code timeout}.
 *
 * @param target  the deployment as called: its health-check model and timeout applied
 * @param timeout how long the whole call may take
 */
public record ProbePlan(Deployment target, InferenceRequest request, Duration timeout) {
    static final long DEFAULT_TIMEOUT_SECONDS = 60;
    static final String PROMPT = "ping";

    public ProbePlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The plan for {@code deployment}, or empty with {@code reason} set when it cannot be checked. */
    public static Result of(Deployment deployment) {
        ObjectNode info = deployment.config().modelInfo();
        String mode = info.path("mode").asText("chat");
        InferenceEndpoint endpoint = switch (mode.isBlank() ? "chat" : mode) {
            case "chat" -> InferenceEndpoint.CHAT_COMPLETIONS;
            case "completion" -> InferenceEndpoint.COMPLETIONS;
            case "embedding" -> InferenceEndpoint.EMBEDDINGS;
            default -> null;
        };
        if (endpoint == null) {
            return Result.notCheckable("model_info.mode \"" + mode + "\" has no health check in this gateway "
                    + "(supported: chat, completion, embedding)");
        }
        Optional<String> model = text(info, "health_check_model").map(m -> withoutPrefix(deployment, m));
        if (model.isEmpty() && deployment.upstreamModel().indexOf('*') >= 0) {
            return Result.notCheckable("wildcard deployment: set model_info.health_check_model to the model to check");
        }
        JsonNode timeoutSetting = info.path("health_check_timeout");
        if (!timeoutSetting.isMissingNode() && !timeoutSetting.isNull()
                && !(timeoutSetting.isNumber() && timeoutSetting.doubleValue() > 0)) {
            return Result.notCheckable("model_info.health_check_timeout must be a number of seconds > 0");
        }
        Duration timeout = timeoutSetting.isNumber()
                ? Duration.ofMillis((long) (timeoutSetting.doubleValue() * 1000)) : Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        if (deployment.timeout().compareTo(timeout) < 0) {
            timeout = deployment.timeout();
        }
        Deployment target = model.map(deployment::withUpstreamModel).orElse(deployment).withTimeout(timeout);
        return new Result(Optional.of(new ProbePlan(target, request(endpoint, deployment.modelGroup()), timeout)), "");
    }

    private static InferenceRequest request(InferenceEndpoint endpoint, String modelGroup) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", modelGroup);
        switch (endpoint) {
            case CHAT_COMPLETIONS -> {
                body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
                body.put("max_tokens", 1);
            }
            case COMPLETIONS -> body.put("prompt", PROMPT).put("max_tokens", 1);
            default -> body.putArray("input").add(PROMPT);
        }
        return RequestDecoder.decode(endpoint, Json.bytes(body));
    }

    /** {@code openai/gpt-4o-mini} for a deployment of {@code openai/*} is the upstream model {@code gpt-4o-mini}. */
    private static String withoutPrefix(Deployment deployment, String model) {
        String configured = deployment.config().params().model();
        int slash = configured.indexOf('/');
        String prefix = slash > 0 ? configured.substring(0, slash + 1) : "";
        return !prefix.isEmpty() && model.startsWith(prefix) ? model.substring(prefix.length()) : model;
    }

    private static Optional<String> text(ObjectNode info, String field) {
        JsonNode value = info.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank()
                ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** A plan, or why there is none. */
    public record Result(Optional<ProbePlan> plan, String reason) {
        static Result notCheckable(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
