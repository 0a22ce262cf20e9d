package io.llmgate.core.request;

/**
 * The inference operations the gateway forwards, with the path suffix each has upstream. All but
 * {@link #MESSAGES} carry an OpenAI-format body; {@code MESSAGES} is Anthropic's Messages API front door,
 * whose body is Anthropic's format and which {@link io.llmgate.core.messages} sends natively or translated.
 */
public enum InferenceEndpoint {
    CHAT_COMPLETIONS("/chat/completions", "messages", true),
    COMPLETIONS("/completions", "prompt", true),
    EMBEDDINGS("/embeddings", "input", false),
    MESSAGES("/messages", "messages", true);

    private final String path;
    private final String payloadField;
    private final boolean streamable;

    InferenceEndpoint(String path, String payloadField, boolean streamable) {
        this.path = path;
        this.payloadField = payloadField;
        this.streamable = streamable;
    }

    /** Path below the provider's base URL, e.g. {@code /chat/completions}. */
    public String path() {
        return path;
    }

    /** The field that carries the input and must be present. */
    public String payloadField() {
        return payloadField;
    }

    public boolean streamable() {
        return streamable;
    }
}
