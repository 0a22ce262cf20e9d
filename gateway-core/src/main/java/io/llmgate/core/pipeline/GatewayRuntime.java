package io.llmgate.core.pipeline;

import io.llmgate.core.auth.KeyAuthenticator;
import io.llmgate.core.config.ConfigLoader;
import io.llmgate.core.config.DeploymentConfig;
import io.llmgate.core.config.GatewayConfig;
import io.llmgate.core.provider.ProviderTable;
import io.llmgate.core.routing.ModelCatalog;
import io.llmgate.core.routing.Router;
import io.llmgate.core.routing.state.InfinispanDeploymentState;
import io.llmgate.core.routing.state.StateCaches;
import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.infinispan.manager.EmbeddedCacheManager;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the gateway runs on: the loaded configuration, the model catalog built from it, the router with
 * its deployment state, the key authenticator and the shared upstream client. Loaded once at start-up; a bad configuration fails
 * the deployment with the loader's message.
 */
@ApplicationScoped
public class GatewayRuntime {
    private static final System.Logger LOG = System.getLogger(GatewayRuntime.class.getName());

    private volatile GatewayConfig config;
    private volatile ModelCatalog catalog;
    private volatile KeyAuthenticator authenticator;
    private UpstreamClient upstream;
    private EmbeddedCacheManager stateCaches;
    private ScheduledExecutorService timer;
    private volatile Router router;

    @PostConstruct
    void start() {
        GatewayConfig loaded = ConfigLoader.loadDefault();
        ModelCatalog models = ModelCatalog.from(loaded, ProviderTable.standard(), System::getenv);
        this.config = loaded;
        this.catalog = models;
        this.authenticator = new KeyAuthenticator(loaded.general().masterKey());
        this.upstream = new UpstreamClient(UpstreamClientSettings.defaults());
        this.stateCaches = StateCaches.startLocal("llmgate-" + System.identityHashCode(this));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "llmgate-router-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.router = Router.of(loaded.router(), new InfinispanDeploymentState(stateCaches, System::currentTimeMillis), timer);
        if (!authenticator.hasMasterKey()) {
            LOG.log(System.Logger.Level.WARNING, "No master_key configured (general_settings.master_key or "
                    + "LITELLM_MASTER_KEY): every authenticated route answers 401");
        }
        LOG.log(System.Logger.Level.INFO, "Gateway configured from {0}: {1} model group(s), {2} deployment(s)",
                loaded.source().orElse("(no file)"), models.groups().size(), loaded.models().size());
    }

    @PreDestroy
    void stop() {
        if (upstream != null) {
            upstream.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (stateCaches != null) {
            stateCaches.stop();
        }
    }

    public GatewayConfig config() {
        return config;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public KeyAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * Serves {@code stored} deployments (from the database) beside the config file's, from now on.
     *
     * @throws io.llmgate.core.config.ConfigException when one cannot be resolved (the catalog stays as it was)
     */
    public void useStoredModels(List<DeploymentConfig> stored) {
        this.catalog = ModelCatalog.from(config, stored, ProviderTable.standard(), System::getenv);
    }

    /** The router: its settings, deployment state, selector and cooldown rules. */
    public Router router() {
        return router;
    }

    public UpstreamClient upstream() {
        return upstream;
    }
}
