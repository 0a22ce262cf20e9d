package io.llmgate.testkit.provider;

/**
 * The failures every provider can answer with, each rendered by a fake exactly as that provider
 * sends it (status, error body, headers such as {@code Retry-After}).
 */
public enum FailureKind {
    /** 429 (Bedrock: ThrottlingException) with {@code Retry-After: 7} where the provider sends one. */
    RATE_LIMITED,
    /** The prompt does not fit the model's context window. */
    CONTEXT_WINDOW_EXCEEDED,
    /** The provider's safety system refused the prompt. */
    CONTENT_POLICY,
    /** The deployment's credential was rejected. */
    AUTHENTICATION,
    /** A plain invalid-request answer (bad parameter). */
    BAD_REQUEST,
    /** 500-class internal error. */
    SERVER_ERROR,
    /** Overloaded / unavailable (503, Anthropic's 529). */
    OVERLOADED
}
