package io.llmgate.core.upstream;

import java.util.OptionalLong;

/**
 * A complete (non-streamed) upstream answer: status, content type, body bytes, and the wait the provider
 * asked for ({@link RetryAfter}), if any.
 */
public record UpstreamReply(int status, String contentType, byte[] body, OptionalLong retryAfterSeconds) {
    public UpstreamReply(int status, String contentType, byte[] body) {
        this(status, contentType, body, OptionalLong.empty());
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
