package io.llmgate.persistence;

import io.llmgate.persistence.datasource.DatabaseSettingsResolver;
import io.llmgate.persistence.datasource.GatewayDataSource;
import io.llmgate.testkit.db.TestPostgres;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An empty database of its own on the JVM's shared embedded PostgreSQL, so each test starts clean. */
public record FreshDatabase(String jdbcUrl, String user, String password) {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static FreshDatabase create() {
        TestPostgres postgres = TestPostgres.shared();
        String name = "persistence_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        return new FreshDatabase(postgres.createDatabase(name), postgres.user(), postgres.password());
    }

    /** A resolver that finds this database the way an operator configures it: {@code GW_DB_*}. */
    public DatabaseSettingsResolver resolver() {
        Map<String, String> env = Map.of("GW_DB_URL", jdbcUrl, "GW_DB_USER", user, "GW_DB_PASSWORD", password);
        return new DatabaseSettingsResolver(name -> null, env::get, Optional::empty);
    }

    public GatewayDataSource dataSource() {
        return new GatewayDataSource(resolver());
    }
}
