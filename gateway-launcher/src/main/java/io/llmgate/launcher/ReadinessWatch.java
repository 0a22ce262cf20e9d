package io.llmgate.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Polls the gateway's liveliness endpoint until it answers 200, then tells the user where the gateway is and
 * how long start-up took. Payara Micro keeps running when a deployment fails (for instance a failed schema
 * migration), answering every request with an error; after {@link #PATIENCE} of that, or of silence, the
 * watch reports the failure and calls {@code onFailure}. Stops when the server process ends.
 */
final class ReadinessWatch {
    private static final System.Logger LOG = System.getLogger(ReadinessWatch.class.getName());
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** Generous: Payara opens its port well before the WAR is deployed, and this machine may be busy. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final int port;
    private final Process server;
    private final long startNanos;
    private final Runnable onFailure;

    ReadinessWatch(int port, Process server, long startNanos, Runnable onFailure) {
        this.port = port;
        this.server = server;
        this.startNanos = startNanos;
        this.onFailure = onFailure;
    }

    void startInBackground() {
        Thread thread = new Thread(this::watch, "llmgate-readiness-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/liveliness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        String lastAnswer = "no answer";
        while (server.isAlive()) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    LOG.log(System.Logger.Level.INFO, "LLMGate is up: http://localhost:{0,number,#} (started in {1} s). Ctrl+C stops it.",
                            port, String.format("%.1f", elapsed().toMillis() / 1000.0));
                    return;
                }
                lastAnswer = "HTTP " + status;
            } catch (IOException notListeningYet) {
                lastAnswer = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (elapsed().compareTo(PATIENCE) > 0) {
                LOG.log(System.Logger.Level.ERROR, "LLMGate did not start: {0} from {1} after {2} s; the deployment failed"
                        + " (see the server log above)", lastAnswer, request.uri(), PATIENCE.toSeconds());
                onFailure.run();
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
