package io.llmgate.testkit.upstream;

/**
 * OpenAI's own failure answers as scenarios, with the bodies OpenAI sends, so a gateway's error
 * classification (rate limit, context window, content policy, credentials, server) meets what it meets in
 * production. Combine with {@link FakeOpenAiUpstream#failFirst} for a deployment that fails, then recovers.
 */
public final class OpenAiFailures {
    private OpenAiFailures() {
    }

    /** 429 {@code rate_limit_exceeded} with {@code Retry-After: <seconds>}. */
    public static Scenario rateLimited(int retryAfterSeconds) {
        return failure(429, "Rate limit reached for gpt-4o in organization org-fake on requests per min (RPM): "
                + "Limit 3, Used 3, Requested 1. Please try again in " + retryAfterSeconds + "s.", "requests", null,
                "rate_limit_exceeded", "Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** 500 {@code server_error}. */
    public static Scenario serverError() {
        return failure(500, "The server had an error while processing your request. Sorry about that!",
                "server_error", null, null);
    }

    /** 503 {@code server_error}: the engine is overloaded. */
    public static Scenario overloaded() {
        return failure(503, "The engine is currently overloaded, please try again later.", "server_error", null,
                null);
    }

    /** 400 {@code context_length_exceeded} on {@code messages}. */
    public static Scenario contextLengthExceeded() {
        return failure(400, "This model's maximum context length is 128000 tokens. However, your messages resulted "
                + "in 130017 tokens. Please reduce the length of the messages.", OpenAiError.INVALID_REQUEST,
                "messages", "context_length_exceeded");
    }

    /** 400 {@code content_policy_violation}: the safety system refused the prompt. */
    public static Scenario contentPolicyViolation() {
        return failure(400, "Your request was rejected as a result of our safety system. Your prompt may contain "
                + "text that is not allowed by our safety system.", OpenAiError.INVALID_REQUEST, null,
                "content_policy_violation");
    }

    /** 401 {@code invalid_api_key}. */
    public static Scenario invalidApiKey() {
        return failure(401, "Incorrect API key provided: sk-revok***********. You can find your API key at "
                + "https://platform.openai.com/account/api-keys.", OpenAiError.INVALID_REQUEST, null,
                "invalid_api_key");
    }

    private static Scenario failure(int status, String message, String type, String param, String code,
            String... headerNameValuePairs) {
        return Scenario.error(status, Json.text(OpenAiError.body(message, type, param, code)), headerNameValuePairs);
    }
}
