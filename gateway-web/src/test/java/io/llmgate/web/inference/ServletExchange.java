package io.llmgate.web.inference;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A servlet request and response as a container hands them to the gateway, recording what the gateway
 * does with them: status, headers, body bytes, async start and completion, and the thread that completed.
 * Only the methods the gateway calls are implemented; any other call fails the test.
 */
final class ServletExchange {
    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
    final CompletableFuture<Thread> completed = new CompletableFuture<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    volatile boolean clientGone;
    volatile boolean asyncStarted;
    private volatile AsyncContext async;
    volatile int status = 200;
    volatile String contentType;
    volatile int contentLength = -1;

    private final String method;
    private final String path;
    private final byte[] requestBody;
    private final long declaredLength;

    ServletExchange(String method, String path, String requestBody, long declaredLength) {
        this.method = method;
        this.path = path;
        this.requestBody = requestBody.getBytes(StandardCharsets.UTF_8);
        this.declaredLength = declaredLength;
    }

    static ServletExchange post(String path, String body) {
        return new ServletExchange("POST", path, body, -1);
    }

    ServletExchange header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    /** Waits until the exchange was finished: completed when async, or written synchronously. */
    ServletExchange awaitCompletion() throws Exception {
        if (asyncStarted) {
            completed.get(5, TimeUnit.SECONDS);
        }
        return this;
    }

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The client's connection fails, as the container reports it to async listeners. */
    void failConnection() {
        clientGone = true;
        listeners.forEach(listener -> {
            try {
                listener.onError(new AsyncEvent(async, new IOException("connection reset")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    HttpServletRequest request() {
        return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getServletPath" -> path;
            case "getHeader" -> requestHeaders.get((String) args[0]);
            case "getContentLengthLong" -> declaredLength;
            case "getInputStream" -> inputStream();
            case "startAsync" -> {
                asyncStarted = true;
                async = asyncContext();
                yield async;
            }
            default -> unsupported(name);
        });
    }

    HttpServletResponse response() {
        return proxy(HttpServletResponse.class, (name, args) -> switch (name) {
            case "setStatus" -> {
                status = (Integer) args[0];
                yield null;
            }
            case "setHeader" -> {
                responseHeaders.put((String) args[0], (String) args[1]);
                yield null;
            }
            case "setContentType" -> {
                contentType = (String) args[0];
                yield null;
            }
            case "setContentLength" -> {
                contentLength = (Integer) args[0];
                yield null;
            }
            case "getOutputStream" -> outputStream();
            default -> unsupported(name);
        });
    }

    private AsyncContext asyncContext() {
        HttpServletResponse response = response();
        return proxy(AsyncContext.class, (name, args) -> switch (name) {
            case "setTimeout" -> null;
            case "addListener" -> {
                listeners.add((AsyncListener) args[0]);
                yield null;
            }
            case "getResponse" -> response;
            case "getRequest", "getSuppliedRequest", "getSuppliedResponse" -> null;
            case "complete" -> {
                completed.complete(Thread.currentThread());
                yield null;
            }
            default -> unsupported(name);
        });
    }

    private ServletInputStream inputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(requestBody);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private ServletOutputStream outputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (clientGone) {
                    throw new IOException("Broken pipe");
                }
                body.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private interface Answer {
        Object apply(String method, Object[] args);
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException("the gateway is not expected to call " + method);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(ServletExchange.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " fake";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.apply(method.getName(), args);
                });
    }
}
