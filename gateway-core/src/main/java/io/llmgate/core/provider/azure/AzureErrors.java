package io.llmgate.core.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.provider.ProviderErrors;
import io.llmgate.core.provider.openai.OpenAiErrors;
import io.llmgate.core.routing.Deployment;

/**
 * The status-to-error table for Azure OpenAI. Azure's content filter answers 400 with {@code error.code
 * "content_filter"} and an {@code innererror} ({@code code "ResponsibleAIPolicyViolation"},
 * {@code content_filter_result}): a content-policy violation. Everything else reads as OpenAI's table
 * ({@code context_length_exceeded}, then the status: Azure's 401/404/429 bodies carry the status as the code).
 */
public final class AzureErrors {
    private AzureErrors() {
    }

    public static GatewayException toError(int status, byte[] body, Deployment deployment) {
        JsonNode error = ProviderErrors.parse(body).path("error");
        return ProviderErrors.upstream(classify(status, error), status, OpenAiErrors.message(error, body), deployment);
    }

    static ErrorType classify(int status, JsonNode error) {
        JsonNode inner = error.path("innererror");
        if ("content_filter".equals(error.path("code").asText())
                || "ResponsibleAIPolicyViolation".equals(inner.path("code").asText())
                || inner.has("content_filter_result")) {
            return ErrorType.CONTENT_POLICY;
        }
        return OpenAiErrors.classify(status, error.path("code").asText(""), error.path("type").asText(""));
    }
}
