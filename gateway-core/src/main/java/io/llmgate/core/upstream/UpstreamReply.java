package io.llmgate.core.upstream;

/** A complete (non-streamed) upstream answer: status, content type and body bytes. */
public record UpstreamReply(int status, String contentType, byte[] body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
