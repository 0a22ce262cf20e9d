/**
 * PostgreSQL behind core's ports. {@code datasource} decides which database to use and hands out
 * connections; {@code migration} owns the schema (Flyway); {@code jpa} makes Hibernate portable
 * between Payara and WildFly; {@code instance} and later feature packages hold entities and
 * repositories; {@code health} answers core's {@link io.llmgate.core.health.DatabaseProbe}.
 */
package io.llmgate.persistence;
