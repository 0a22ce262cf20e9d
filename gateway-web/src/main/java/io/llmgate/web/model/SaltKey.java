package io.llmgate.web.model;

import io.llmgate.core.config.Secret;

import java.util.Optional;

/**
 * The key stored credentials are sealed with: {@code LITELLM_SALT_KEY} (env, or {@code -Dllmgate.saltKey}), else
 * the master key, as LiteLLM falls back. Changing it makes stored credentials unreadable, so it is set once.
 */
final class SaltKey {
    private static final System.Logger LOG = System.getLogger(SaltKey.class.getName());

    private SaltKey() {
    }

    static Optional<String> resolve(Optional<Secret> masterKey) {
        String configured = Optional.ofNullable(System.getProperty("llmgate.saltKey"))
                .or(() -> Optional.ofNullable(System.getenv("LITELLM_SALT_KEY"))).filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return Optional.of(configured);
        }
        if (masterKey.isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "LITELLM_SALT_KEY is not set: stored model credentials are encrypted "
                    + "with a key derived from the master key, and become unreadable if the master key changes");
            return Optional.of(masterKey.get().reveal());
        }
        return Optional.empty();
    }
}
