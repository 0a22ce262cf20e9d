/**
 * Test support shared by the unit, integration and benchmark modules. Nothing here ships in the
 * gateway WAR: {@code upstream} holds loopback fakes speaking each provider's real wire format,
 * {@code db} an embedded PostgreSQL.
 */
package io.llmgate.testkit;
