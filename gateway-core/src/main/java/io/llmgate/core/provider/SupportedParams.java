package io.llmgate.core.provider;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which of OpenAI's optional request parameters ({@link OpenAiParams}) a provider can honour, as declared by its
 * adapter through {@link ProviderAdapter#supportedParams}. A request carrying a parameter outside this set is
 * refused with a 400 naming it, or the parameter is removed when {@code drop_params} is on ({@link DropParams}).
 * Fields that are not OpenAI parameters (provider extras such as {@code top_k}) are not judged here.
 */
public final class SupportedParams {
    /** Every OpenAI parameter: the declaration of a pure OpenAI pass-through. */
    public static final SupportedParams ALL = new SupportedParams(null, Set.of());

    /** Names supported; null means every name not in {@link #except}. */
    private final Set<String> only;
    private final Set<String> except;

    private SupportedParams(Set<String> only, Set<String> except) {
        this.only = only;
        this.except = except;
    }

    /** Exactly {@code names} (a translating adapter lists what it maps). */
    public static SupportedParams only(Collection<String> names) {
        return new SupportedParams(Set.copyOf(names), Set.of());
    }

    public static SupportedParams only(String... names) {
        return only(Set.of(names));
    }

    /** Everything but {@code names} (an OpenAI-compatible server that rejects a few). */
    public static SupportedParams allExcept(Collection<String> names) {
        return new SupportedParams(null, Set.copyOf(names));
    }

    public boolean supports(String param) {
        Objects.requireNonNull(param, "param");
        return only == null ? !except.contains(param) : only.contains(param);
    }

    @Override
    public String toString() {
        return only == null ? "SupportedParams[all except " + except + "]" : "SupportedParams" + only;
    }
}
