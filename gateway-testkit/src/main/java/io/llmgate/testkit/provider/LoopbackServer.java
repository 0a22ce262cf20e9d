package io.llmgate.testkit.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plumbing every {@link ProviderFake} shares: a JDK HTTP server on 127.0.0.1, one daemon thread per
 * exchange (so slow streams do not block each other), and a record of every request taken before the
 * handler answers it. The handler renders the provider's wire format.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one recorded request. An exception after the headers were sent cuts the connection. */
    @FunctionalInterface
    public interface Handler {
        void handle(RecordedRequest request, HttpExchange exchange) throws IOException;
    }

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor;
    private final HttpServer server;

    private LoopbackServer(String name, Handler handler) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            try (exchange) {
                Instant receivedAt = Instant.now();
                byte[] body = exchange.getRequestBody().readAllBytes();
                RecordedRequest request = RecordedRequest.of(exchange, body, receivedAt);
                requests.add(request);
                handler.handle(request, exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port; {@code name} prefixes the server's thread names. */
    public static LoopbackServer start(String name, Handler handler) {
        try {
            return new LoopbackServer(name, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " on loopback", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} with no trailing slash. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
