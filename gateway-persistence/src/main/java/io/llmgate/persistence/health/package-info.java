/** Answers core's {@link io.llmgate.core.health.DatabaseProbe} with a real round trip to PostgreSQL. */
package io.llmgate.persistence.health;
