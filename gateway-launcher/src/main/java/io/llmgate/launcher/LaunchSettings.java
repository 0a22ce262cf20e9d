package io.llmgate.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the launcher starts, from its arguments ({@code --project-root=}, {@code --payara-jar=}, {@code --war=})
 * and the environment: {@code PORT} (HTTP, default 4000), {@code LLMGATE_DATA_DIR} (embedded PostgreSQL data,
 * default {@code <root>/.gateway/pgdata}), {@code LLMGATE_PG_PORT} (default 5433), {@code LLMGATE_CONFIG} or
 * {@code CONFIG_FILE_PATH} (default {@code <root>/config.yaml} when it exists) and {@code LLMGATE_JAVA_OPTS}
 * (the server JVM's options, default {@code -Xmx1g}). Relative paths are taken from the project root.
 */
record LaunchSettings(Path projectRoot, Path payaraJar, Path war, int httpPort, Path dataDirectory, int postgresPort,
                      Optional<Path> configFile, List<String> javaOptions) {
    static final int DEFAULT_HTTP_PORT = 4000;
    static final int DEFAULT_POSTGRES_PORT = 5433;
    static final String DEFAULT_JAVA_OPTIONS = "-Xmx1g";

    static LaunchSettings from(String[] args, Function<String, String> environment) {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("project-root", ".")).toAbsolutePath().normalize();
        Path payaraJar = root.resolve(options.getOrDefault("payara-jar", "gateway-launcher/target/payara-micro.jar")).normalize();
        Path war = root.resolve(options.getOrDefault("war", "gateway-web/target/llmgate.war")).normalize();
        Env env = new Env(environment);
        int httpPort = env.port("PORT", DEFAULT_HTTP_PORT);
        Path dataDirectory = env.value("LLMGATE_DATA_DIR").map(root::resolve).orElse(root.resolve(".gateway/pgdata")).normalize();
        int postgresPort = env.port("LLMGATE_PG_PORT", DEFAULT_POSTGRES_PORT);
        Optional<Path> configFile = env.value("LLMGATE_CONFIG").or(() -> env.value("CONFIG_FILE_PATH"))
                .map(root::resolve)
                .or(() -> Optional.of(root.resolve("config.yaml")).filter(Files::isRegularFile))
                .map(Path::normalize);
        List<String> javaOptions = Arrays.stream(env.value("LLMGATE_JAVA_OPTS").orElse(DEFAULT_JAVA_OPTIONS).trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        return new LaunchSettings(root, payaraJar, war, httpPort, dataDirectory, postgresPort, configFile, javaOptions);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new LaunchException("argument '" + arg + "' (expected: --project-root=DIR, --payara-jar=FILE or --war=FILE)");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private record Env(Function<String, String> environment) {
        Optional<String> value(String name) {
            return Optional.ofNullable(environment.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
        }

        int port(String name, int fallback) {
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(text.get());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new LaunchException(name + ": '" + text.get() + "' (expected: a port number 1-65535)");
        }
    }
}
