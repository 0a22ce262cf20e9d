package io.llmgate.core.provider.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.json.Json;
import io.llmgate.core.provider.StreamTranslator;
import io.llmgate.core.provider.SupportedParams;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.routing.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AI Studio and Vertex AI share for chat: the {@code generateContent} method and body, the answer
 * and stream translations, and the headers besides the credential. Each adapter adds its URL and auth.
 */
public final class GenerateContent {
    private final String provider;

    /** @param provider the name answers and errors are attributed to ({@code gemini}, {@code vertex_ai}) */
    public GenerateContent(String provider) {
        this.provider = provider;
    }

    /**
     * OpenAI chat parameters Gemini has no counterpart for and that would change the answer if honoured:
     * refused, or dropped with {@code drop_params}. Harmless ones ({@code user}, {@code parallel_tool_calls},
     * {@code store}, ...) are simply not sent.
     */
    private static final SupportedParams CHAT_PARAMS = SupportedParams.allExcept(Set.of("logit_bias", "logprobs",
            "top_logprobs", "functions", "function_call", "modalities", "audio", "prediction", "web_search_options"));

    /** What {@link io.llmgate.core.provider.DropParams} judges for both Gemini adapters. */
    public SupportedParams supportedParams(InferenceEndpoint endpoint) {
        return endpoint == InferenceEndpoint.CHAT_COMPLETIONS ? CHAT_PARAMS : SupportedParams.ALL;
    }

    /** {@code :generateContent}, or {@code :streamGenerateContent} for a stream (with {@link #query}). */
    public String method(InferenceRequest request) {
        return request.stream() ? ":streamGenerateContent" : ":generateContent";
    }

    /** {@code alt=sse} for a stream (Google streams a JSON array otherwise), else null. */
    public String query(InferenceRequest request) {
        return request.stream() ? "alt=sse" : null;
    }

    /** The request body, with the deployment's default params under what the caller sent. */
    public byte[] body(InferenceRequest request, Deployment deployment) {
        requireChat(request);
        ObjectNode chat = deployment.config().params().bodyDefaults().deepCopy();
        chat.setAll(request.body());
        return Json.bytes(ToGemini.generateContentRequest(chat));
    }

    public List<Map.Entry<String, String>> headers(InferenceRequest request, Deployment deployment,
                                                   Map.Entry<String, String> credential) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        headers.add(credential);
        headers.add(Map.entry("Accept", request.stream() ? "text/event-stream" : "application/json"));
        headers.addAll(deployment.config().params().extraHeaders().entrySet());
        return headers;
    }

    public byte[] chatCompletion(InferenceRequest request, byte[] upstreamBody) {
        return FromGemini.chatCompletion(upstreamBody, provider, request.model());
    }

    public StreamTranslator streamTranslator(InferenceRequest request) {
        return new GeminiStreamTranslator(provider, request.model(), request.includeUsage());
    }

    private void requireChat(InferenceRequest request) {
        if (request.endpoint() != InferenceEndpoint.CHAT_COMPLETIONS) {
            throw GatewayException.withStatus(ErrorType.INVALID_REQUEST, 400, provider + " models do not serve "
                    + request.endpoint().path() + " (use /v1/chat/completions)");
        }
    }
}
