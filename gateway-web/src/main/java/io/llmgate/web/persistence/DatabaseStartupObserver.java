package io.llmgate.web.persistence;

import io.llmgate.persistence.startup.DatabaseStartup;
import io.llmgate.web.model.StoredModelsPolling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;

/**
 * Migrates the database, registers this instance and loads the stored models when the web application starts; an exception
 * here fails the deployment on both servers. It observes the {@link ServletContext} variant of the
 * event on purpose: that one fires inside the web module, where the data source and persistence
 * context can be injected on Payara too (see {@link DatabaseStartup}).
 */
@ApplicationScoped
public class DatabaseStartupObserver {

    void onWebApplicationStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context, DatabaseStartup startup,
                               StoredModelsPolling storedModels) {
        startup.run();
        // after the migration, so the table exists
        storedModels.start();
    }
}
