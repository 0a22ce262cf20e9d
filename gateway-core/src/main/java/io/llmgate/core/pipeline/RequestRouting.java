package io.llmgate.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.GatewayException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The per-request router controls LiteLLM accepts in the body ({@code num_retries}, {@code timeout},
 * {@code fallbacks}, the {@code mock_*} test switches) or as {@code x-litellm-timeout}. They are taken out
 * of the body, which is the gateway's own copy, so no provider ever sees them.
 *
 * @param fallbacks    model groups to try after the requested one fails, replacing the configured ones
 * @param mockResponse answer with this text instead of calling a provider
 */
public record RequestRouting(OptionalInt numRetries, Optional<Duration> timeout, Optional<List<String>> fallbacks,
                             MockFailure mockFailure, Optional<String> mockResponse) {
    public static final RequestRouting NONE = new RequestRouting(OptionalInt.empty(), Optional.empty(), Optional.empty(),
            MockFailure.NONE, Optional.empty());
    private static final int MAX_RETRIES = 10;

    public RequestRouting {
        Objects.requireNonNull(numRetries, "numRetries");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(fallbacks, "fallbacks");
        Objects.requireNonNull(mockFailure, "mockFailure");
        Objects.requireNonNull(mockResponse, "mockResponse");
    }

    /** The failure a {@code mock_testing_*} switch makes the requested group raise, to exercise fallbacks. */
    public enum MockFailure { NONE, GENERIC, RATE_LIMIT, CONTEXT_WINDOW, CONTENT_POLICY }

    /**
     * Removes the router's fields from {@code body} and returns them.
     *
     * @param headerTimeout {@code x-litellm-timeout}, when the caller sent it (the body's {@code timeout} wins)
     * @throws GatewayException 400 naming the field when one has the wrong type
     */
    public static RequestRouting extract(ObjectNode body, Optional<Duration> headerTimeout) {
        if (!hasAny(body) && headerTimeout.isEmpty()) {
            return NONE;
        }
        OptionalInt retries = OptionalInt.empty();
        JsonNode n = body.remove("num_retries");
        if (n != null && !n.isNull()) {
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < 0 || n.intValue() > MAX_RETRIES) {
                throw GatewayException.invalidField("num_retries", "num_retries must be an integer between 0 and "
                        + MAX_RETRIES);
            }
            retries = OptionalInt.of(n.intValue());
        }
        Optional<Duration> timeout = seconds("timeout", body.remove("timeout")).or(() -> headerTimeout);
        Optional<List<String>> fallbacks = fallbacks(body.remove("fallbacks"));
        MockFailure mock = MockFailure.NONE;
        mock = flag(body, "mock_testing_fallbacks") ? MockFailure.GENERIC : mock;
        mock = flag(body, "mock_testing_rate_limit_error") ? MockFailure.RATE_LIMIT : mock;
        // LiteLLM's code reads mock_testing_context_fallbacks; its docs and this issue say ..._context_window_...
        mock = flag(body, "mock_testing_context_fallbacks") ? MockFailure.CONTEXT_WINDOW : mock;
        mock = flag(body, "mock_testing_context_window_fallbacks") ? MockFailure.CONTEXT_WINDOW : mock;
        mock = flag(body, "mock_testing_content_policy_fallbacks") ? MockFailure.CONTENT_POLICY : mock;
        JsonNode response = body.remove("mock_response");
        if (response != null && !response.isNull() && !response.isTextual()) {
            throw GatewayException.invalidField("mock_response", "mock_response must be a string");
        }
        return new RequestRouting(retries, timeout, fallbacks, mock,
                response == null || response.isNull() ? Optional.empty() : Optional.of(response.textValue()));
    }

    /** A {@code timeout} in seconds, as the body's field or the {@code x-litellm-timeout} header carry it. */
    public static Optional<Duration> seconds(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        double seconds;
        if (value.isNumber()) {
            seconds = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                seconds = Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
        } else {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || seconds > 86_400) {
            throw GatewayException.invalidField(field, field + " must be a number of seconds above 0");
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }

    private static boolean hasAny(ObjectNode body) {
        return body.has("num_retries") || body.has("timeout") || body.has("fallbacks") || body.has("mock_response")
                || body.has("mock_testing_fallbacks") || body.has("mock_testing_rate_limit_error")
                || body.has("mock_testing_context_window_fallbacks") || body.has("mock_testing_context_fallbacks")
                || body.has("mock_testing_content_policy_fallbacks");
    }

    private static boolean flag(ObjectNode body, String field) {
        JsonNode value = body.remove(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw GatewayException.invalidField(field, field + " must be a boolean");
        }
        return value.booleanValue();
    }

    /** A list of model group names, or of {@code {model: ...}} objects as LiteLLM also accepts. */
    private static Optional<List<String>> fallbacks(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw GatewayException.invalidField("fallbacks", "fallbacks must be a list of model names");
        }
        List<String> models = new ArrayList<>();
        for (JsonNode entry : value) {
            JsonNode model = entry.isObject() ? entry.get("model") : entry;
            if (model == null || !model.isTextual() || model.textValue().isBlank()) {
                throw GatewayException.invalidField("fallbacks", "fallbacks must be a list of model names");
            }
            models.add(model.textValue());
        }
        return Optional.of(List.copyOf(models));
    }
}
