package io.llmgate.persistence.datasource;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the gateway's database precedence: system properties {@code gw.db.url/user/password}, env
 * {@code GW_DB_URL/GW_DB_USER/GW_DB_PASSWORD}, env {@code DATABASE_URL}, then {@code database_url} in
 * {@code general_settings} of config.yaml. An explicit user or password ({@code gw.db.*} / {@code GW_DB_*})
 * wins over one embedded in the URL. Blank values count as unset. Stateless: callers cache the answer.
 */
public final class DatabaseSettingsResolver {
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;
    private final Supplier<Optional<String>> configuredUrl;

    public DatabaseSettingsResolver(Function<String, String> systemProperties, Function<String, String> environment,
                                    Supplier<Optional<String>> configuredUrl) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.configuredUrl = configuredUrl;
    }

    /** Reads this JVM's system properties, its environment and the gateway's config file. */
    public static DatabaseSettingsResolver forThisProcess() {
        return new DatabaseSettingsResolver(System::getProperty, System::getenv, ConfigFileDatabaseUrl::read);
    }

    /**
     * The configured database, or empty when none is configured.
     *
     * @throws IllegalArgumentException if the chosen URL is not a PostgreSQL URL (the message names its origin, no credentials)
     */
    public Optional<DatabaseSettings> resolve() {
        Optional<Located> location = property("gw.db.url")
                .or(() -> env("GW_DB_URL"))
                .or(() -> env("DATABASE_URL"))
                .or(() -> configuredUrl.get().filter(DatabaseSettingsResolver::isSet)
                        .map(url -> new Located(url, "general_settings.database_url")));
        if (location.isEmpty()) {
            return Optional.empty();
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(location.get().value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(location.get().origin() + ": " + e.getMessage(), e);
        }
        Optional<String> user = property("gw.db.user").or(() -> env("GW_DB_USER")).map(Located::value).or(url::user);
        Optional<String> password = property("gw.db.password").or(() -> env("GW_DB_PASSWORD")).map(Located::value).or(url::password);
        return Optional.of(new DatabaseSettings(url, user, password, location.get().origin()));
    }

    private Optional<Located> property(String name) {
        return Optional.ofNullable(systemProperties.apply(name)).filter(DatabaseSettingsResolver::isSet)
                .map(value -> new Located(value, "system property " + name));
    }

    private Optional<Located> env(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(DatabaseSettingsResolver::isSet)
                .map(value -> new Located(value, "env " + name));
    }

    private static boolean isSet(String value) {
        return !value.isBlank();
    }

    private record Located(String value, String origin) { }
}
