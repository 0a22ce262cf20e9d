package io.llmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deployed server's log file(s): WildFly's {@code standalone/log/server.log}, Payara Micro's
 * {@code --logtofile} target (which its handler suffixes {@code .0}, {@code .1}, ...). Servers write
 * their logs asynchronously, so {@link #settledText()} waits until the files stop growing.
 */
public final class ServerLog {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private ServerLog() {
    }

    /** Every file next to the configured log whose name starts with it. */
    public static List<Path> files() {
        Path log = GatewayEnvironment.serverLog();
        String prefix = log.getFileName().toString();
        if (!Files.isDirectory(log.getParent())) {
            return List.of();
        }
        try (Stream<Path> siblings = Files.list(log.getParent())) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + log.getParent(), e);
        }
    }

    /** The log text once nothing has been appended for a moment. */
    public static String settledText() {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long size = totalSize();
        while (System.nanoTime() < deadline) {
            sleep(QUIET);
            long now = totalSize();
            if (now == size) {
                break;
            }
            size = now;
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files()) {
            try {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return text.toString();
    }

    private static long totalSize() {
        return files().stream().mapToLong(file -> {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
