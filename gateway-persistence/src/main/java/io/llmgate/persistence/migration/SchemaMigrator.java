package io.llmgate.persistence.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings the database schema up to date with the migrations on the class path. Safe to run on every
 * start and from several instances at once (Flyway takes a PostgreSQL advisory lock). Call it outside
 * a JTA transaction: Flyway commits on its own connections.
 */
public final class SchemaMigrator {
    public static final String LOCATION = "classpath:db/migration";
    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final DataSource dataSource;
    private final String location;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, LOCATION);
    }

    /** For tests that need other migrations than the gateway's. */
    SchemaMigrator(DataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    /**
     * Applies pending migrations.
     *
     * @return the schema version after migrating, e.g. {@code "1"}
     * @throws SchemaMigrationException if a migration fails or the applied history does not match the files
     */
    public String migrate() {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .failOnMissingLocations(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            // targetSchemaVersion is null when nothing was pending
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.log(System.Logger.Level.INFO, "Database schema at version {0} ({1} migration(s) applied now)",
                    version, result.migrationsExecuted);
            return version;
        } catch (FlywayException e) {
            throw new SchemaMigrationException("Database schema migration failed: " + e.getMessage() + rootCause(e), e);
        }
    }

    /** Pools wrap the driver's reason ("Connection refused", "password authentication failed") several levels down. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null || failure.getMessage().contains(root.getMessage())
                ? "" : " (cause: " + root.getMessage() + ")";
    }
}
