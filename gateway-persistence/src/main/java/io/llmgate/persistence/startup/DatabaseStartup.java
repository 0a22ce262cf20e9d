package io.llmgate.persistence.startup;

import io.llmgate.persistence.datasource.DatabaseSettings;
import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.persistence.instance.GatewayInstance;
import io.llmgate.persistence.instance.InstanceIdentity;
import io.llmgate.persistence.instance.JpaGatewayInstanceRepository;
import io.llmgate.persistence.migration.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the gateway does with its database when the application starts: with a database configured,
 * migrate the schema and register this instance; without one, log that and leave it alone. A failed
 * migration throws, and the caller lets that fail the deployment instead of serving on a schema the
 * code does not match.
 *
 * <p>The WAR triggers {@link #run()} from an observer of {@code @Initialized(ApplicationScoped.class) ServletContext}:
 * Payara fires the plain {@code Object} variant of that event for library jars before the web module's
 * naming context exists, and resource injection ({@code java:comp/env}) then fails (payara/Payara#3453).
 */
@ApplicationScoped
public class DatabaseStartup {
    private static final System.Logger LOG = System.getLogger(DatabaseStartup.class.getName());

    @Inject
    private DataSource dataSource;

    @Inject
    private JpaGatewayInstanceRepository instances;

    /**
     * Migrates and registers, or logs that no database is configured.
     *
     * @throws io.llmgate.persistence.migration.SchemaMigrationException if the schema cannot be brought up to date
     * @throws IllegalArgumentException if the configured database URL is not a PostgreSQL URL
     */
    public void run() {
        Optional<DatabaseSettings> settings = DatabaseSettingsResolver.forThisProcess().resolve();
        if (settings.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "No database configured (DATABASE_URL, GW_DB_URL or general_settings.database_url):"
                    + " schema migration skipped; the gateway runs without persistence");
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Migrating database {0}", settings.get());
        new SchemaMigrator(dataSource).migrate();
        GatewayInstance instance = InstanceIdentity.of(Clock.systemUTC().instant(), System::getenv);
        instances.save(instance);
        LOG.log(System.Logger.Level.INFO, "Registered gateway instance {0} (host {1}, version {2})",
                instance.instanceId(), instance.host(), instance.version());
    }
}
