package io.llmgate.persistence.datasource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL location as users write it: {@code postgres://user:pass@host:5432/db?sslmode=require}
 * (the libpq / LiteLLM {@code DATABASE_URL} form, also {@code postgresql://}) or a pgjdbc URL
 * ({@code jdbc:postgresql://...}, passed through). Credentials are split off the URL so that
 * {@link #jdbcUrl()} can go to the driver and {@link #redacted()} can go to logs.
 *
 * @param jdbcUrl  the URL for pgjdbc, without user info; may still carry {@code password=} when given in jdbc form
 * @param user     user from the URL's user info or its {@code user} parameter
 * @param password password from the URL's user info or its {@code password} parameter
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    /** libpq / Prisma parameter names that pgjdbc spells differently. */
    private static final Map<String, String> PARAMETER_NAMES = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "schema", "currentSchema");

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException if it is not a PostgreSQL URL; the message never repeats credentials
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database url is empty");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(JDBC_PREFIX)) {
            return fromJdbc(trimmed);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromLibpq(trimmed.substring(trimmed.indexOf("://") + 3));
        }
        throw new IllegalArgumentException("database url: unsupported scheme '" + scheme(trimmed)
                + "' (expected: postgres://, postgresql:// or jdbc:postgresql://)");
    }

    /** The URL without user info and parameters, e.g. {@code jdbc:postgresql://db:5432/llmgate}: safe to log. */
    public String redacted() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static DatabaseUrl fromJdbc(String url) {
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("database url: not a valid pgjdbc URL: " + new DatabaseUrl(url, Optional.empty(), Optional.empty()).redacted());
        }
        return new DatabaseUrl(url, Optional.empty(), Optional.empty());
    }

    private static DatabaseUrl fromLibpq(String rest) {
        int queryStart = rest.indexOf('?');
        String main = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        int at = main.lastIndexOf('@');
        String userInfo = at < 0 ? "" : main.substring(0, at);
        String hostAndPath = main.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String database = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }

        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (!userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(s -> !s.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(percentDecode(userInfo.substring(colon + 1)));
        }
        List<String> parameters = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            switch (name) {
                case "user" -> user = Optional.of(percentDecode(value));
                case "password" -> password = Optional.of(percentDecode(value));
                default -> parameters.add(PARAMETER_NAMES.getOrDefault(name, name) + "=" + value);
            }
        }
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + database
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        return fromJdbc(jdbcUrl).withCredentials(user, password);
    }

    private DatabaseUrl withCredentials(Optional<String> user, Optional<String> password) {
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    /** RFC 3986 percent-decoding as UTF-8; unlike {@code URLDecoder} it keeps {@code '+'} as is. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "(none)" : url.substring(0, Math.min(colon, 20));
    }
}
