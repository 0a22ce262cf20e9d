package io.llmgate.testkit.provider.bedrock;

import io.llmgate.testkit.provider.FailureKind;

/**
 * Each {@link FailureKind} as Bedrock answers it: HTTP status, the exception named in {@code x-amzn-ErrorType},
 * and AWS's message.
 */
record BedrockFailure(int status, String errorType, String message) {

    static BedrockFailure of(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> new BedrockFailure(429, "ThrottlingException",
                    "Too many requests, please wait before trying again.");
            case CONTEXT_WINDOW_EXCEEDED -> new BedrockFailure(400, "ValidationException",
                    "Input is too long for requested model.");
            case CONTENT_POLICY -> new BedrockFailure(400, "ValidationException",
                    "Output blocked by content filtering policy");
            case AUTHENTICATION -> new BedrockFailure(403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
            case BAD_REQUEST -> new BedrockFailure(400, "ValidationException",
                    "Malformed input request: #: extraneous key [frequency_penalty] is not permitted, please reformat"
                            + " your input and try again.");
            case SERVER_ERROR -> new BedrockFailure(500, "InternalServerException",
                    "The server encountered an internal error while processing the request.");
            case OVERLOADED -> new BedrockFailure(503, "ServiceUnavailableException",
                    "Bedrock is unable to process your request.");
        };
    }
}
