package io.llmgate.core.config;

/**
 * The {@code litellm_settings} the gateway honours.
 *
 * @param dropParams {@code drop_params}: OpenAI parameters a provider does not support are removed instead of refused
 */
public record LitellmSettings(boolean dropParams) {
    public static LitellmSettings defaults() {
        return new LitellmSettings(false);
    }
}
