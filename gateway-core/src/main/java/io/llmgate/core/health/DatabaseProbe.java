package io.llmgate.core.health;

/** Port: tells whether the gateway's PostgreSQL is reachable. Implementations must answer within a few seconds. */
public interface DatabaseProbe {
    DatabaseStatus probe();
}
