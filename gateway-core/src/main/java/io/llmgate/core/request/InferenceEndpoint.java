package io.llmgate.core.request;

/** The OpenAI inference operations the gateway forwards, with the path suffix each has upstream. */
public enum InferenceEndpoint {
    CHAT_COMPLETIONS("/chat/completions", "messages", true),
    COMPLETIONS("/completions", "prompt", true),
    EMBEDDINGS("/embeddings", "input", false);

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
