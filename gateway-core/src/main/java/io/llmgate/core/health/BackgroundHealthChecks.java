package io.llmgate.core.health;

import io.llmgate.core.routing.Deployment;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code background_health_checks}: checks the deployments at start and then {@code health_check_interval} after
 * each check has finished (so slow probes never pile up), keeping the latest report for {@code GET /health}.
 * Deployments with {@code model_info.disable_background_health_check: true} are left out. The timer thread only
 * starts the probes; they complete on the HTTP client's threads.
 */
public final class BackgroundHealthChecks {
    private static final System.Logger LOG = System.getLogger(BackgroundHealthChecks.class.getName());

    private final HealthCheck check;
    private final Supplier<? extends Collection<Deployment>> deployments;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private volatile HealthReport latest;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    public BackgroundHealthChecks(HealthCheck check, Supplier<? extends Collection<Deployment>> deployments,
                                  Duration interval, ScheduledExecutorService timer) {
        this.check = check;
        this.deployments = deployments;
        this.interval = interval;
        this.timer = timer;
    }

    /** Runs the first check now. */
    public void start() {
        schedule(0);
    }

    /** No further checks; one under way finishes but is not followed by another. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** The report of the last finished check, if one has finished. */
    public Optional<HealthReport> latest() {
        return Optional.ofNullable(latest);
    }

    static boolean included(Deployment deployment) {
        return !deployment.config().modelInfo().path("disable_background_health_check").asBoolean(false);
    }

    private void schedule(long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            next = timer.schedule(this::runOnce, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            stopped = true;
        }
    }

    private void runOnce() {
        List<Deployment> checked;
        try {
            checked = deployments.get().stream().filter(BackgroundHealthChecks::included).toList();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Background health check could not list the deployments: {0}", e.toString());
            schedule(interval.toMillis());
            return;
        }
        check.run(checked).whenComplete((report, error) -> {
            if (report != null) {
                latest = report;
                logUnhealthy(report);
            }
            schedule(interval.toMillis());
        });
    }

    private static void logUnhealthy(HealthReport report) {
        // deployments that cannot be checked would repeat the same line every interval; GET /health lists them
        List<String> unhealthy = report.endpoints().stream().filter(e -> e.verdict() == EndpointHealth.Verdict.UNHEALTHY)
                .map(e -> e.deployment().id() + " (" + e.error().orElse("unhealthy") + ")").toList();
        if (!unhealthy.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Background health check: {0} of {1} deployment(s) unhealthy: {2}",
                    unhealthy.size(), report.endpoints().size(), unhealthy);
        }
    }
}
