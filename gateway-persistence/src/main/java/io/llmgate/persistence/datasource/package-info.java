/**
 * Which PostgreSQL the gateway talks to. {@link io.llmgate.persistence.datasource.DatabaseSettingsResolver}
 * applies the precedence (system properties {@code gw.db.*}, env {@code GW_DB_*}, env {@code DATABASE_URL},
 * {@code general_settings.database_url}); {@link io.llmgate.persistence.datasource.GatewayDataSource} is the
 * class named by the WAR's {@code @DataSourceDefinition}, so both servers pool it and enlist it in JTA.
 * Nothing here logs a password or a URL with credentials.
 */
package io.llmgate.persistence.datasource;
