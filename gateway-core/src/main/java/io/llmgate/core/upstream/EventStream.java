package io.llmgate.core.upstream;

import io.llmgate.api.error.GatewayException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off between the I/O thread that receives a provider's stream and the thread that writes it
 * to the client. When the client reads slower than the provider writes, the producer stops being granted
 * capacity once {@code windowBytes} are queued, which slows the provider down through TCP. HttpClient 5
 * may still deliver what its socket already holds, so a hard limit of {@link #HARD_LIMIT_WINDOWS} windows
 * backs this up: beyond it the stream is stopped and the provider call aborted, and a slow client can
 * never pin more than that.
 *
 * <p>Producer methods ({@code push}, {@code finish}, {@code fail}) are called by one I/O thread;
 * {@link #next()} and {@link #cancel()} by the writer thread.
 */
public final class EventStream {
    private static final Object END = new Object();
    /** How many windows may queue before a client counts as too slow to serve. */
    static final int HARD_LIMIT_WINDOWS = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final int windowBytes;
    private long queuedBytes;
    private volatile Runnable onDrained = () -> { };
    private volatile Runnable onCancel = () -> { };
    private volatile boolean cancelled;
    private boolean overflowed;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();

    public EventStream(int windowBytes) {
        this.windowBytes = windowBytes;
    }

    void onDrained(Runnable action) {
        this.onDrained = action;
    }

    void onCancel(Runnable action) {
        // at most once, however often cancel() is called and even if it races with this registration
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        this.onCancel = once;
        if (cancelled) {
            once.run();
        }
    }

    /** Queues one outgoing event payload (the JSON after {@code data: }). */
    public void push(byte[] payload) {
        lock.lock();
        try {
            if (overflowed) {
                return;
            }
            if (queuedBytes + payload.length <= (long) windowBytes * HARD_LIMIT_WINDOWS) {
                items.addLast(payload);
                queuedBytes += payload.length;
                available.signal();
                return;
            }
            overflowed = true;
            items.addLast(new GatewayException(io.llmgate.api.error.ErrorType.SERVICE_UNAVAILABLE,
                    "The stream was stopped: the client read it too slowly (more than "
                            + (long) windowBytes * HARD_LIMIT_WINDOWS + " bytes were waiting)"));
            available.signal();
        } finally {
            lock.unlock();
        }
        onCancel.run();
    }

    /** The provider finished the stream cleanly. */
    public void finish() {
        enqueue(END, 0);
    }

    /** The stream broke after it started; the writer reports {@code error} to the client. */
    public void fail(GatewayException error) {
        enqueue(error, 0);
    }

    /** True while queued bytes leave room for more; the producer grants upstream capacity only then. */
    boolean hasRoom() {
        lock.lock();
        try {
            return queuedBytes < windowBytes / 2;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of payloads queued and not yet taken; lets tests check the window holds. */
    long queuedBytes() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until the next event payload arrives.
     *
     * @return the payload, or {@code null} when the stream ended cleanly
     * @throws GatewayException when the stream broke
     */
    public byte[] next() throws InterruptedException {
        Object item;
        boolean drained;
        lock.lock();
        try {
            while (items.isEmpty()) {
                available.await();
            }
            item = items.peekFirst();
            if (item instanceof byte[] payload) {
                items.pollFirst();
                queuedBytes -= payload.length;
            }
            drained = queuedBytes < windowBytes / 2;
        } finally {
            lock.unlock();
        }
        if (drained) {
            onDrained.run();
        }
        if (item instanceof byte[] payload) {
            return payload;
        }
        if (item instanceof GatewayException error) {
            completion.completeExceptionally(error);
            throw error;
        }
        completion.complete(null);
        return null;
    }

    /** Completes when the writer has seen the end of the stream, its failure, or cancelled it. */
    public CompletionStage<Void> completion() {
        return completion;
    }

    /** The client went away: abort the upstream exchange. Idempotent. */
    public void cancel() {
        cancelled = true;
        onCancel.run();
        completion.completeExceptionally(new java.util.concurrent.CancellationException("client went away"));
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private void enqueue(Object item, int bytes) {
        lock.lock();
        try {
            if (overflowed) {
                return;
            }
            items.addLast(item);
            queuedBytes += bytes;
            available.signal();
        } finally {
            lock.unlock();
        }
    }
}
