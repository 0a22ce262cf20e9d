package io.llmgate.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts every resource at the root, where OpenAI and LiteLLM clients expect {@code /v1/...} and {@code /health/...}. */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
