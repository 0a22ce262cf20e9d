package io.llmgate.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * LiteLLM's default {@code simple-shuffle}: a weighted random first choice, the rest in config order.
 * Needs no shared state, so it behaves the same on every instance of a cluster.
 */
public final class ShuffleRouter implements Router {
    @Override
    public List<Deployment> route(ModelGroup group) {
        List<Deployment> deployments = group.deployments();
        if (deployments.size() == 1) {
            return deployments;
        }
        int first = pick(deployments, ThreadLocalRandom.current().nextDouble());
        List<Deployment> ordered = new ArrayList<>(deployments.size());
        ordered.add(deployments.get(first));
        for (int i = 0; i < deployments.size(); i++) {
            if (i != first) {
                ordered.add(deployments.get(i));
            }
        }
        return ordered;
    }

    /** @param draw a uniform number in [0, 1) */
    static int pick(List<Deployment> deployments, double draw) {
        double total = 0;
        for (Deployment d : deployments) {
            total += Math.max(0, d.weight());
        }
        if (total <= 0) {
            return (int) (draw * deployments.size());
        }
        double target = draw * total;
        for (int i = 0; i < deployments.size(); i++) {
            target -= Math.max(0, deployments.get(i).weight());
            if (target < 0) {
                return i;
            }
        }
        return deployments.size() - 1;
    }
}
