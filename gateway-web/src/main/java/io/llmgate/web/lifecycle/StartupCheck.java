package io.llmgate.web.lifecycle;

import io.llmgate.core.pipeline.GatewayRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Loads the configuration while the WAR deploys rather than on the first request, so a broken
 * config.yaml fails the deployment with the loader's message.
 */
@ApplicationScoped
public class StartupCheck {
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, GatewayRuntime runtime) {
        runtime.config();
    }
}
