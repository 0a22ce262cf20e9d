package io.llmgate.core.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to a provider. {@code headers} may hold credentials: never log this record.
 *
 * @param responseTimeout longest silence allowed while waiting for the answer or between stream chunks
 */
public record UpstreamRequest(URI uri, List<Map.Entry<String, String>> headers, byte[] body, Duration responseTimeout) {
    public UpstreamRequest {
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath() + "]";
    }
}
