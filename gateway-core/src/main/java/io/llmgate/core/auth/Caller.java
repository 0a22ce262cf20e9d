package io.llmgate.core.auth;

import java.util.Objects;

/**
 * An authenticated caller.
 *
 * @param id   a non-secret identifier for logs and spend ({@code master-key}, later a key's hash prefix)
 * @param role what the credential may do
 */
public record Caller(String id, Role role) {
    public enum Role { PROXY_ADMIN }

    public static final Caller MASTER = new Caller("master-key", Role.PROXY_ADMIN);

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }
}
