package io.llmgate.core.auth;

import io.llmgate.core.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Verifies a presented key against the master key. Both sides are reduced to SHA-256 digests first and
 * compared with {@link MessageDigest#isEqual}, so the time taken says nothing about the key.
 */
public final class KeyAuthenticator {
    private final byte[] masterDigest;

    public KeyAuthenticator(Optional<Secret> masterKey) {
        this.masterDigest = masterKey.map(k -> sha256(k.reveal())).orElse(null);
    }

    public Optional<Caller> authenticate(Optional<String> presentedKey) {
        if (masterDigest == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(masterDigest, sha256(presentedKey.get())) ? Optional.of(Caller.MASTER) : Optional.empty();
    }

    public boolean hasMasterKey() {
        return masterDigest != null;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
