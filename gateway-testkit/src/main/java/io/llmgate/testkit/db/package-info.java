/**
 * A real PostgreSQL for tests ({@link io.llmgate.testkit.db.TestPostgres}), started from zonky's
 * embedded binaries so persistence tests run the production SQL without an installed server.
 */
package io.llmgate.testkit.db;
