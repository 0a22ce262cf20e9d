package io.llmgate.persistence.health;

import io.llmgate.core.health.DatabaseProbe;
import io.llmgate.core.health.DatabaseStatus;
import io.llmgate.core.health.DatabaseStatus.State;
import io.llmgate.persistence.datasource.DatabaseSettings;
import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.persistence.datasource.GatewayDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Borrows a connection from the gateway's pool and asks PostgreSQL whether it is alive
 * ({@link Connection#isValid(int)} with a {@value #TIMEOUT_SECONDS} s limit). Details name the
 * database without credentials and scrub the configured password from driver messages.
 */
@ApplicationScoped
public class JdbcDatabaseProbe implements DatabaseProbe {
    static final int TIMEOUT_SECONDS = 2;

    private DataSource dataSource;
    private Supplier<Optional<DatabaseSettings>> settings;

    protected JdbcDatabaseProbe() {
        // for CDI's proxy
    }

    /** In the server: the pooled {@value GatewayDataSource#JNDI_NAME}, resolved once like the data source does. */
    @Inject
    public JdbcDatabaseProbe(DataSource dataSource) {
        this(dataSource, DatabaseSettingsResolver.forThisProcess());
    }

    public JdbcDatabaseProbe(DataSource dataSource, DatabaseSettingsResolver resolver) {
        this.dataSource = dataSource;
        this.settings = new Memo(resolver);
    }

    @Override
    public DatabaseStatus probe() {
        Optional<DatabaseSettings> configured;
        try {
            configured = settings.get();
        } catch (IllegalArgumentException e) {
            return new DatabaseStatus(State.UNREACHABLE, e.getMessage());
        }
        if (configured.isEmpty()) {
            return new DatabaseStatus(State.NOT_CONFIGURED, GatewayDataSource.NOT_CONFIGURED);
        }
        String where = configured.get().url().redacted();
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return new DatabaseStatus(State.CONNECTED, where);
            }
            return new DatabaseStatus(State.UNREACHABLE, where + ": no answer within " + TIMEOUT_SECONDS + " s");
        } catch (SQLException e) {
            return new DatabaseStatus(State.UNREACHABLE, where + ": " + scrub(e.getMessage(), configured.get()));
        }
    }

    private static String scrub(String message, DatabaseSettings settings) {
        if (message == null) {
            return "connection failed";
        }
        String scrubbed = message;
        if (settings.password().filter(p -> !p.isEmpty()).isPresent()) {
            scrubbed = scrubbed.replace(settings.password().get(), "****");
        }
        return scrubbed.replace(settings.url().jdbcUrl(), settings.url().redacted());
    }

    /** Resolves once; a failure (bad URL) is remembered too, so every probe reports it. */
    private static final class Memo implements Supplier<Optional<DatabaseSettings>> {
        private final DatabaseSettingsResolver resolver;
        private Optional<DatabaseSettings> value;
        private IllegalArgumentException failure;

        Memo(DatabaseSettingsResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public synchronized Optional<DatabaseSettings> get() {
            if (value == null && failure == null) {
                try {
                    value = resolver.resolve();
                } catch (IllegalArgumentException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
