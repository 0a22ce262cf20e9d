package io.llmgate.web.persistence;

import io.llmgate.persistence.datasource.GatewayDataSource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the gateway's pooled, JTA-enlisted data source {@code java:app/jdbc/llmgate} in the WAR, where
 * both servers read {@code @DataSourceDefinition}. Which database it reaches is decided by
 * {@link GatewayDataSource} at the first connection (system properties {@code gw.db.*}, env {@code GW_DB_*},
 * env {@code DATABASE_URL}, {@code general_settings.database_url}), because the annotation's own placeholders
 * differ between Payara and WildFly. The {@code url} is a placeholder the data source ignores; it must not
 * contain {@code ';'} (WildFly turns {@code ;k=v} into setter calls). No pooled connection is opened before
 * the first use, so the gateway starts without a database.
 */
@DataSourceDefinition(
        name = GatewayDataSource.JNDI_NAME,
        className = "io.llmgate.persistence.datasource.GatewayDataSource",
        url = "jdbc:postgresql://resolved-at-first-connection/llmgate",
        initialPoolSize = 0,
        minPoolSize = 0,
        maxPoolSize = 20)
@ApplicationScoped
public class DataSourceDeclaration {
}
