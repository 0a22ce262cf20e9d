package io.llmgate.persistence.datasource;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class the WAR's {@code @DataSourceDefinition} names, so Payara and WildFly pool it and enlist it in
 * JTA. Which database it reaches is decided at the first {@link #getConnection()} by
 * {@link DatabaseSettingsResolver} (not by the annotation, whose placeholders are not portable), and
 * the connection itself comes from pgjdbc's {@link PGSimpleDataSource}. With nothing configured every
 * {@code getConnection} fails with {@value #NOT_CONFIGURED}.
 *
 * <p>The servers call the bean setters below with the annotation's values; they are accepted and ignored.
 * Thread-safe.
 */
public class GatewayDataSource implements DataSource {
    /** JNDI name of the pooled, JTA-enlisted instance; the persistence unit and start-up code look it up. */
    public static final String JNDI_NAME = "java:app/jdbc/llmgate";
    public static final String NOT_CONFIGURED = "no database configured";
    /** pgjdbc waits 10 s by default; a gateway probing an unreachable host should give up sooner. */
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(GatewayDataSource.class.getName());

    private final DatabaseSettingsResolver resolver;
    private Optional<PGSimpleDataSource> delegate;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    public GatewayDataSource() {
        this(DatabaseSettingsResolver.forThisProcess());
    }

    public GatewayDataSource(DatabaseSettingsResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    /** A blank user means "the configured credentials": that is how a pool without credentials asks. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (user == null || user.isBlank()) {
            return getConnection();
        }
        return delegate().getConnection(user, password);
    }

    private synchronized PGSimpleDataSource delegate() throws SQLException {
        if (delegate == null) {
            Optional<DatabaseSettings> settings;
            try {
                settings = resolver.resolve();
            } catch (IllegalArgumentException e) {
                throw new SQLException(e.getMessage(), "08001", e);
            }
            delegate = settings.map(this::connectTo);
            settings.ifPresentOrElse(
                    s -> LOG.log(System.Logger.Level.INFO, "Database: {0}", s),
                    () -> LOG.log(System.Logger.Level.INFO, "Database: none configured (set DATABASE_URL or GW_DB_URL)"));
        }
        return delegate.orElseThrow(() -> new SQLException(NOT_CONFIGURED, "08001"));
    }

    private PGSimpleDataSource connectTo(DatabaseSettings settings) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        String url = settings.url().jdbcUrl();
        pg.setURL(url);
        settings.user().ifPresent(pg::setUser);
        settings.password().ifPresent(pg::setPassword);
        if (!url.contains("connectTimeout=")) {
            pg.setConnectTimeout(DEFAULT_CONNECT_TIMEOUT_SECONDS);
        }
        if (!url.contains("ApplicationName=")) {
            pg.setApplicationName("llmgate");
        }
        if (loginTimeoutSeconds > 0) {
            pg.setLoginTimeout(loginTimeoutSeconds);
        }
        return pg;
    }

    // Bean properties the servers set from @DataSourceDefinition: accepted, not used.

    public void setUrl(String url) {
    }

    public void setURL(String url) {
    }

    public void setUser(String user) {
    }

    public void setPassword(String password) {
    }

    public void setServerName(String serverName) {
    }

    public void setPortNumber(int portNumber) {
    }

    public void setDatabaseName(String databaseName) {
    }

    public void setDescription(String description) {
    }

    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public synchronized void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public synchronized int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
