package io.llmgate.testkit.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;

/** Each {@link FailureKind} as OpenAI answers it, or as Azure OpenAI does where Azure's body differs. */
final class OpenAiFailures {
    private OpenAiFailures() {
    }

    static int status(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> 429;
            case CONTEXT_WINDOW_EXCEEDED, CONTENT_POLICY, BAD_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case SERVER_ERROR -> 500;
            case OVERLOADED -> 503;
        };
    }

    static ObjectNode body(FailureKind kind, boolean azure) {
        if (azure) {
            switch (kind) {
                case RATE_LIMITED:
                    return azureError("429", "Requests to the ChatCompletions_Create Operation under Azure OpenAI API "
                            + "version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. "
                            + "Please retry after 7 seconds.");
                case AUTHENTICATION:
                    return azureError("401", "Access denied due to invalid subscription key or wrong API endpoint. Make "
                            + "sure to provide a valid key for an active subscription and use a correct regional API "
                            + "endpoint for your resource.");
                case CONTENT_POLICY:
                    return azureContentFilter();
                default:
                    break;
            }
        }
        return switch (kind) {
            case RATE_LIMITED -> error("Rate limit reached for gpt-4o in organization org-fake on requests per min (RPM): "
                    + "Limit 3, Used 3, Requested 1. Please try again in 20s.", "requests", null, "rate_limit_exceeded");
            case CONTEXT_WINDOW_EXCEEDED -> error("This model's maximum context length is 128000 tokens. However, your "
                    + "messages resulted in 130017 tokens. Please reduce the length of the messages.",
                    "invalid_request_error", "messages", "context_length_exceeded");
            case CONTENT_POLICY -> error("Your request was rejected as a result of our safety system.",
                    "invalid_request_error", null, "content_policy_violation");
            case AUTHENTICATION -> error("Incorrect API key provided: sk-fake***********. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key");
            case BAD_REQUEST -> error("Invalid value for 'temperature': expected a number between 0 and 2.",
                    "invalid_request_error", "temperature", "invalid_value");
            case SERVER_ERROR -> error("The server had an error while processing your request. Sorry about that!",
                    "server_error", null, null);
            case OVERLOADED -> error("The engine is currently overloaded, please try again later.", "server_error", null, null);
        };
    }

    static ObjectNode error(String message, String type, String param, String code) {
        ObjectNode body = Replies.JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("param", param).put("code", code);
        return body;
    }

    private static ObjectNode azureError(String code, String message) {
        ObjectNode body = Replies.JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body;
    }

    /** Azure's answer when its content filter blocks the prompt (documented shape, severities per category). */
    private static ObjectNode azureContentFilter() {
        ObjectNode body = Replies.JSON.createObjectNode();
        ObjectNode error = body.putObject("error")
                .put("message", "The response was filtered due to the prompt triggering Azure OpenAI's content "
                        + "management policy. Please modify your prompt and retry.")
                .put("type", (String) null).put("param", "prompt").put("code", "content_filter").put("status", 400);
        ObjectNode result = error.putObject("innererror").put("code", "ResponsibleAIPolicyViolation")
                .putObject("content_filter_result");
        result.putObject("hate").put("filtered", false).put("severity", "safe");
        result.putObject("jailbreak").put("filtered", true).put("detected", true);
        result.putObject("self_harm").put("filtered", false).put("severity", "safe");
        result.putObject("sexual").put("filtered", false).put("severity", "safe");
        result.putObject("violence").put("filtered", true).put("severity", "high");
        return body;
    }
}
