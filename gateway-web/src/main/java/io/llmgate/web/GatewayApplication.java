package io.llmgate.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** Mounts every resource at the root, where OpenAI and LiteLLM clients expect {@code /v1/...} and {@code /health/...}. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
    /**
     * Jersey buffers the first 8 KiB of every response to compute a Content-Length, and until then
     * ignores flush(): an SSE stream shorter than that would reach the client only at its end. The
     * gateway sets Content-Length itself where it knows it. RESTEasy ignores the property.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.contentLength.buffer", 0);
    }
}
