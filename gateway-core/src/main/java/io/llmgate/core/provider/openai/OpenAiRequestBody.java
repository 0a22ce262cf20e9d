package io.llmgate.core.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

import java.util.Set;

/**
 * The upstream body for a server that speaks OpenAI's API (OpenAI, Azure OpenAI, the compatible family): the
 * request with the deployment's default params under it, the gateway's own fields removed and the deployment's
 * model name. A new top-level object: the caller's request is never modified (nested values are shared, read-only).
 */
public final class OpenAiRequestBody {
    /** Body fields that steer the gateway (LiteLLM's request extras); providers reject or misread them. */
    static final Set<String> GATEWAY_FIELDS = Set.of("metadata", "litellm_metadata", "fallbacks",
            "context_window_fallbacks", "content_policy_fallbacks", "num_retries", "timeout", "mock_response",
            "mock_testing_fallbacks", "mock_testing_rate_limit_error", "mock_testing_context_window_fallbacks",
            "mock_testing_content_policy_fallbacks", "caching", "cache", "tags", "guardrails", "api_key", "api_base",
            "base_url", "proxy_server_request", "litellm_logging_obj");

    private OpenAiRequestBody() {
    }

    public static ObjectNode of(InferenceRequest request, Deployment deployment) {
        ObjectNode body = request.body().objectNode();
        body.setAll(deployment.config().params().bodyDefaults());
        body.setAll(request.body());
        body.remove(GATEWAY_FIELDS);
        body.put("model", deployment.upstreamModel());
        return body;
    }
}
