package io.llmgate.web.model;

import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Loads the stored models once the database is migrated, then looks every {@link #INTERVAL_SECONDS} s whether
 * another instance changed them (a count and latest-change query; the models are reloaded only then).
 */
@ApplicationScoped
public class StoredModelsPolling {
    static final long INTERVAL_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(StoredModelsPolling.class.getName());

    @Inject
    StoredModels models;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> polling;

    public synchronized void start() {
        if (polling != null || DatabaseSettingsResolver.forThisProcess().resolve().isEmpty()) {
            return;
        }
        models.refresh();
        polling = scheduler.scheduleWithFixedDelay(this::poll, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    private void poll() {
        try {
            models.refreshIfChanged();
        } catch (RuntimeException e) {
            // the database may be briefly unreachable: keep serving what is loaded and look again later
            LOG.log(System.Logger.Level.WARNING, "Could not check the stored models: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
