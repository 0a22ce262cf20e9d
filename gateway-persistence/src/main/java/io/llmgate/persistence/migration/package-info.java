/**
 * The schema is Flyway's: migrations live in the {@code flyway} module under {@code classpath:db/migration}
 * and run at start-up, before anything touches a table. Hibernate never generates DDL.
 */
package io.llmgate.persistence.migration;
