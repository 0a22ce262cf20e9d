package io.llmgate.core.health;

import java.util.Objects;

/** What {@link DatabaseProbe} found; {@code detail} is human-readable and never contains credentials. */
public record DatabaseStatus(State state, String detail) {
    public enum State { CONNECTED, NOT_CONFIGURED, UNREACHABLE }

    public DatabaseStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }
}
