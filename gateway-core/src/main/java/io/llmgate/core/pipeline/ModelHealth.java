package io.llmgate.core.pipeline;

import io.llmgate.api.error.GatewayException;
import io.llmgate.core.config.GeneralSettings;
import io.llmgate.core.health.BackgroundHealthChecks;
import io.llmgate.core.health.HealthCheck;
import io.llmgate.core.health.HealthReport;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.ModelGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The model health use case behind {@code GET /health}: checks every deployment of the catalog, or one model
 * group's, and feeds the router. With {@code background_health_checks} the checks also run on the router's timer
 * from start-up, and {@code GET /health} answers the latest of them, as LiteLLM does (probing at once while no
 * background check has covered the deployments asked for yet).
 */
@ApplicationScoped
public class ModelHealth {
    private static final int MAX_ECHOED_MODEL = 100;

    private GatewayRuntime runtime;
    private volatile HealthCheck check;
    private volatile BackgroundHealthChecks background;

    protected ModelHealth() {
        // for CDI proxies
    }

    @Inject
    public ModelHealth(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts the background checks, when configured, as the application starts. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        startBackground();
    }

    synchronized void startBackground() {
        GeneralSettings general = runtime.config().general();
        if (!general.backgroundHealthChecks() || background != null) {
            return;
        }
        background = new BackgroundHealthChecks(check(), this::allDeployments, general.healthCheckInterval(),
                runtime.router().timer());
        background.start();
    }

    @PreDestroy
    synchronized void stop() {
        if (background != null) {
            background.stop();
        }
    }

    /**
     * @param model a model group (or an alias of one, or a {@code litellm_params.model}); empty: every deployment
     * @throws GatewayException 400 on {@code model} when nothing is configured under that name
     */
    public CompletionStage<HealthReport> check(Optional<String> model) {
        List<Deployment> deployments = model.map(this::deploymentsOf).orElseGet(this::allDeployments);
        Set<String> ids = deployments.stream().map(Deployment::id).collect(Collectors.toSet());
        Optional<HealthReport> cached = latestBackground().map(report -> report.only(ids))
                .filter(report -> !report.endpoints().isEmpty());
        return cached.<CompletionStage<HealthReport>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> check().run(deployments));
    }

    /** The report of the last finished background check, if background checks run and one has finished. */
    Optional<HealthReport> latestBackground() {
        BackgroundHealthChecks checks = background;
        return checks == null ? Optional.empty() : checks.latest();
    }

    private HealthCheck check() {
        HealthCheck current = check;
        if (current == null) {
            current = new HealthCheck(new HealthProbe(runtime.upstream(), runtime.config().general().maxResponseBytes()),
                    runtime.router().state(), Clock.systemUTC(), runtime.config().general().backgroundHealthChecks());
            check = current;
        }
        return current;
    }

    private List<Deployment> allDeployments() {
        return runtime.catalog().deployments();
    }

    private List<Deployment> deploymentsOf(String model) {
        ModelCatalog catalog = runtime.catalog();
        Optional<ModelGroup> group = catalog.group(model)
                .or(() -> Optional.ofNullable(catalog.aliases().get(model)).flatMap(a -> catalog.group(a.group())));
        if (group.isPresent()) {
            return group.get().deployments();
        }
        List<Deployment> byParams = allDeployments().stream().filter(d -> d.config().params().model().equals(model)).toList();
        if (byParams.isEmpty()) {
            throw GatewayException.invalidField("model", "model: no deployment is configured for '" + shorten(model)
                    + "' (expected: a model_name, see GET /v1/models)");
        }
        return byParams;
    }

    private static String shorten(String model) {
        return model.length() <= MAX_ECHOED_MODEL ? model : model.substring(0, MAX_ECHOED_MODEL) + "…";
    }
}
