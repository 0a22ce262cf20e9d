package io.llmgate.testkit.upstream;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server speaking OpenAI's wire format, for gateway tests and the benchmark.
 * Unscripted models get a normal answer; {@link #script(String, Scenario)} makes the answers for
 * one upstream model (the request body's {@code "model"}) slow, broken or failing, and
 * {@link #failFirst} does so for its next few requests only. {@link #requestCount} tells how often a
 * model was asked for: with one upstream model per deployment, which deployments a gateway called.
 *
 * <p>Thread-safe: scripts may change and requests may be read while requests are in flight.
 * Each exchange runs on its own thread from a pool of {@value #MAX_THREADS}, so that many slow
 * streams can be open at once; connections are kept alive between requests.
 *
 * <pre>{@code
 * try (FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start()) {
 *     upstream.script("gpt-4o-mini", Scenario.stream(5, Duration.ofMillis(200)));
 *     // point the gateway at upstream.baseUrl(), call it, then inspect upstream.requests()
 * }
 * }</pre>
 */
public final class FakeOpenAiUpstream implements AutoCloseable {
    static final int MAX_THREADS = 256;
    private static final int BACKLOG = 1024;

    static {
        // Read once by the JDK server when its first instance is created, so set before that and only if unset.
        // Without TCP_NODELAY, small SSE events flushed back to back can wait on delayed ACKs (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay",
                System.getProperty("sun.net.httpserver.nodelay", "true"));
        // The default idle pool (200) would close keep-alive connections of a 256-stream benchmark.
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", String.valueOf(BACKLOG)));
    }

    private final Scripts scripts = new Scripts();
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ThreadPoolExecutor executor;
    private final HttpServer server;
    private final AtomicInteger abandoned = new AtomicInteger();

    private FakeOpenAiUpstream(int port) throws IOException {
        executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
        server.createContext("/", new OpenAiDispatcher(requests::add,
                scripts::next, scripts::models,
                abandoned::incrementAndGet));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on an ephemeral port. */
    public static FakeOpenAiUpstream start() {
        return start(0);
    }

    /** Starts on {@code port} of 127.0.0.1; 0 picks a free one. */
    public static FakeOpenAiUpstream start(int port) {
        try {
            return new FakeOpenAiUpstream(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI upstream on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The OpenAI-style base URL, {@code http://127.0.0.1:<port>/v1}, to configure as a deployment's api_base. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Answers requests whose body names {@code upstreamModel} with {@code scenario}, replacing any earlier script. */
    public FakeOpenAiUpstream script(String upstreamModel, Scenario scenario) {
        scripts.standing(upstreamModel, scenario);
        return this;
    }

    /**
     * Answers the next {@code times} requests for {@code upstreamModel} with {@code scenario}, then goes back to
     * the model's {@link #script} (a normal answer when there is none): a deployment that fails, then recovers.
     * Replaces an earlier {@code failFirst} for the model, whatever of it was left.
     */
    public FakeOpenAiUpstream failFirst(String upstreamModel, int times, Scenario scenario) {
        scripts.first(upstreamModel, times, scenario);
        return this;
    }

    /** Forgets every {@link #script} and {@link #failFirst}. */
    public void clearScripts() {
        scripts.clear();
    }

    /** Every request received since the start or the last {@link #clearRequests()}, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The recorded requests whose JSON body names {@code upstreamModel}, oldest first. */
    public List<RecordedRequest> requestsFor(String upstreamModel) {
        return requests.stream().filter(request -> request.model().filter(upstreamModel::equals).isPresent())
                .toList();
    }

    /** How many recorded requests named {@code upstreamModel}: how often a gateway called that deployment. */
    public int requestCount(String upstreamModel) {
        return requestsFor(upstreamModel).size();
    }

    public void clearRequests() {
        requests.clear();
        abandoned.set(0);
    }

    /**
     * Answers the client stopped reading before they were complete (a write failed because the client closed
     * the connection), since the start or the last {@link #clearRequests()}: how a test sees that a gateway
     * cancelled its call.
     */
    public int abandonedAnswers() {
        return abandoned.get();
    }

    /** Stops at once: open streams are cut and their sleeping threads interrupted. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-openai-" + count.incrementAndGet());
            thread.setDaemon(true); // a test that forgets close() must not keep the JVM alive
            return thread;
        };
    }
}
