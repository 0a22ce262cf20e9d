package io.llmgate.core.routing;

import java.util.List;

/**
 * Port: orders a model group's deployments for one request; the first is tried first. Pure: no I/O,
 * no waiting. Retries, fallbacks, cooldowns and the other strategies arrive with the router issue.
 */
public interface Router {
    List<Deployment> route(ModelGroup group);
}
