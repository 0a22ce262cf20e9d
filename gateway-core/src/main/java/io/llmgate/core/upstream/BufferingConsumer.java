package io.llmgate.core.upstream;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;

/** Collects a whole upstream answer up to {@code maxBytes}; longer answers fail the exchange. */
public final class BufferingConsumer extends AbstractBinResponseConsumer<UpstreamReply> {
    private final long maxBytes;
    private int status;
    private String contentType;
    private OptionalLong retryAfter = OptionalLong.empty();
    private byte[] body = new byte[1024];
    private int length;

    public BufferingConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) {
        status = response.getCode();
        contentType = type == null ? null : type.toString();
        if (status >= 400) {
            retryAfter = RetryAfter.seconds(response, Clock.systemUTC());
        }
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int incoming = src.remaining();
        if (length + (long) incoming > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        if (length + incoming > body.length) {
            body = Arrays.copyOf(body, Math.max(length + incoming, body.length * 2));
        }
        src.get(body, length, incoming);
        length += incoming;
    }

    @Override
    protected UpstreamReply buildResult() {
        return new UpstreamReply(status, contentType, Arrays.copyOf(body, length), retryAfter);
    }

    @Override
    public void releaseResources() {
        // the result owns its copy of the body
    }

    /** The upstream answer exceeded {@code max_response_size_mb}. */
    public static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(long maxBytes) {
            super("upstream response larger than " + maxBytes + " bytes");
        }
    }
}
