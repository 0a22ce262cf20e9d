package io.llmgate.web.inference;

import io.llmgate.core.messages.MessagesRequestDecoder;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.InferenceRequest;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.web.error.ErrorFormat;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What differs between the API families the gateway answers on: how a body is decoded, and the shape of
 * errors and streams. Everything else (authentication, body limits, the pipeline and its hooks, response
 * headers, writer threads) is shared by {@link InferenceDispatcher}.
 */
public final class FrontDoor {
    private static final FrontDoor ANTHROPIC_MESSAGES = new FrontDoor(MessagesRequestDecoder::decode,
            ErrorFormat.ANTHROPIC, SseFraming.ANTHROPIC);

    private final BiFunction<byte[], UnaryOperator<String>, InferenceRequest> decoder;
    private final ErrorFormat errors;
    private final SseFraming framing;

    private FrontDoor(BiFunction<byte[], UnaryOperator<String>, InferenceRequest> decoder, ErrorFormat errors,
                      SseFraming framing) {
        this.decoder = decoder;
        this.errors = errors;
        this.framing = framing;
    }

    /** An OpenAI route: OpenAI's request format, errors and SSE. */
    public static FrontDoor openAi(InferenceEndpoint endpoint) {
        return new FrontDoor((body, headers) -> RequestDecoder.decode(endpoint, body), ErrorFormat.OPENAI,
                SseFraming.OPENAI);
    }

    /** Anthropic's {@code /v1/messages}: its request format, errors and event stream. */
    public static FrontDoor anthropicMessages() {
        return ANTHROPIC_MESSAGES;
    }

    /** @param headers the request's header values by name (the Messages decoder reads {@code anthropic-*}) */
    InferenceRequest decode(byte[] body, UnaryOperator<String> headers) {
        return decoder.apply(body, headers);
    }

    ErrorFormat errors() {
        return errors;
    }

    SseFraming framing() {
        return framing;
    }
}
