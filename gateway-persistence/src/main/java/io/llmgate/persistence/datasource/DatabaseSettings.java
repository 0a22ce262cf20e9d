package io.llmgate.persistence.datasource;

import java.util.Objects;
import java.util.Optional;

/**
 * The database the gateway uses, and where that choice came from.
 * {@link #toString()} names the URL without credentials, the user and the origin, never the password.
 *
 * @param url      where PostgreSQL is
 * @param user     effective user (explicit setting, else the URL's)
 * @param password effective password (explicit setting, else the URL's)
 * @param origin   human-readable source, e.g. {@code env DATABASE_URL}
 */
public record DatabaseSettings(DatabaseUrl url, Optional<String> user, Optional<String> password, String origin) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return url.redacted() + user.map(u -> " as user " + u).orElse("") + " (from " + origin + ")";
    }
}
