package io.llmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An HTTP/1.1 client for one deployed gateway. Requests go to 127.0.0.1 whatever host the container
 * reported (Payara Micro reports the first non-loopback address; only loopback traffic is allowed on
 * the test machine) and to the root context, where the gateway serves its API. Helpers named after an
 * HTTP method carry the master key; {@code new*} builders carry none, for tests about credentials.
 */
public final class GatewayClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private GatewayClient(URI root) {
        this.root = root;
    }

    /** The gateway at {@code http://127.0.0.1:<port of deploymentUrl>/}. */
    public static GatewayClient forDeployment(URL deploymentUrl) {
        try {
            return new GatewayClient(new URI("http", null, "127.0.0.1", deploymentUrl.getPort(), "/", null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("deployment URL: " + deploymentUrl, e);
        }
    }

    /** e.g. {@code http://127.0.0.1:8080/} */
    public URI root() {
        return root;
    }

    public URI uri(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A GET without credentials. */
    public HttpRequest.Builder newGet(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET();
    }

    /** A JSON POST without credentials. */
    public HttpRequest.Builder newPost(String path, String json) {
        return newPost(path, HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpRequest.Builder newPost(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body);
    }

    /** Adds {@code Authorization: Bearer <master key>}. */
    public static HttpRequest.Builder withMasterKey(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + GatewayConfigFile.MASTER_KEY);
    }

    public HttpResponse<String> get(String path) {
        return send(withMasterKey(newGet(path)));
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withMasterKey(newPost(path, json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to the gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POSTs with the master key and reads the answer line by line, noting when each line arrived. */
    public StreamedResponse stream(String path, String json) {
        return stream(withMasterKey(newPost(path, json)));
    }

    public StreamedResponse stream(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<Stream<String>> response = http.send(request.build(), BodyHandlers.ofLines());
            List<StreamedResponse.Line> lines = new ArrayList<>();
            String failure = null;
            try (Stream<String> body = response.body()) {
                body.forEach(line -> lines.add(new StreamedResponse.Line(millisSince(start), line)));
            } catch (UncheckedIOException e) {
                // a cut connection ends the body early; the test decides whether that is acceptable
                failure = String.valueOf(e.getCause());
            }
            return new StreamedResponse(response.statusCode(), response.headers(), List.copyOf(lines), failure);
        } catch (IOException e) {
            throw new UncheckedIOException("request to the gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
