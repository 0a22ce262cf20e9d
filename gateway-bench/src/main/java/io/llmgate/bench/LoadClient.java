package io.llmgate.bench;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The load generator's HTTP side: Apache HttpClient 5 async over HTTP/1.1 with keep-alive and a pool
 * large enough that a slow server makes connections pile up rather than requests queue in the
 * client. Sending never blocks the scheduler; outcomes go to a recorder from the I/O threads.
 */
final class LoadClient implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 4096;

    /** Where chat completions go, and the bearer token if the target wants one. */
    record Target(String name, URI chatCompletions, Optional<String> bearer) {
        static Target of(String name, String baseUrl, Optional<String> bearer) {
            return new Target(name, URI.create(baseUrl + "/chat/completions"), bearer);
        }
    }

    private final CloseableHttpAsyncClient client;

    LoadClient(Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(limit)
                        .build())
                .build();
        client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).setSoTimeout(limit).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
        client.start();
    }

    /** Sends one non-streaming chat completion due at {@code dueNanos}; the outcome goes to {@code recorder}. */
    void chat(Target target, byte[] body, long dueNanos, LatencyRecorder recorder) {
        client.execute(SimpleRequestProducer.create(request(target, body)), SimpleResponseConsumer.create(),
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        long end = System.nanoTime();
                        if (response.getCode() == 200) {
                            recorder.success(dueNanos, end);
                        } else {
                            recorder.error("status " + response.getCode(), snippet(response.getBodyText()), end);
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        recorder.error(kind(e), String.valueOf(e), System.nanoTime());
                    }

                    @Override
                    public void cancelled() {
                        recorder.error("cancelled", "", System.nanoTime());
                    }
                });
    }

    /** Sends one streaming chat completion due at {@code dueNanos}, timing every event. */
    void stream(Target target, byte[] body, long dueNanos, StreamRecorder recorder) {
        client.execute(SimpleRequestProducer.create(request(target, body)), new SseTimingConsumer(),
                new FutureCallback<SseTimingConsumer.Trace>() {
                    @Override
                    public void completed(SseTimingConsumer.Trace trace) {
                        recorder.completed(dueNanos, trace);
                    }

                    @Override
                    public void failed(Exception e) {
                        recorder.failed(kind(e), String.valueOf(e));
                    }

                    @Override
                    public void cancelled() {
                        recorder.failed("cancelled", "");
                    }
                });
    }

    private static SimpleHttpRequest request(Target target, byte[] body) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(target.chatCompletions())
                .setBody(body, ContentType.APPLICATION_JSON);
        target.bearer().ifPresent(token -> builder.addHeader("Authorization", "Bearer " + token));
        return builder.build();
    }

    static String kind(Exception e) {
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException) {
            return "connect refused";
        }
        return e.getClass().getSimpleName();
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
