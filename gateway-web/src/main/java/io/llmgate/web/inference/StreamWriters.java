package io.llmgate.web.inference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that write SSE streams to clients. A writer blocks only on the client socket and on the
 * next event, never on the provider's I/O threads. On Java 21+ each stream gets a virtual thread; on
 * Java 17 a platform thread from a cached pool (one per active stream).
 */
@ApplicationScoped
public class StreamWriters {
    private static final System.Logger LOG = System.getLogger(StreamWriters.class.getName());

    private ExecutorService executor;

    @PostConstruct
    void start() {
        executor = virtualThreads();
        if (executor == null) {
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            AtomicInteger count = new AtomicInteger();
            ThreadFactory threads = task -> {
                Thread thread = new Thread(task, "llmgate-stream-" + count.incrementAndGet());
                thread.setDaemon(true);
                thread.setContextClassLoader(application);
                return thread;
            };
            executor = Executors.newCachedThreadPool(threads);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Java 21's virtual-thread executor, looked up reflectively because the build targets Java 17. */
    private static ExecutorService virtualThreads() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Virtual threads unavailable; streams use platform threads");
            return null;
        }
    }
}
