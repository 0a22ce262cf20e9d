package io.llmgate.core.upstream;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.util.Map;
import java.util.concurrent.Future;

/**
 * The one HTTP client every provider call goes through: Apache HttpClient 5 async, pooled per
 * upstream host, automatic retries and redirects off. Answers are consumed by the caller's
 * {@link AsyncResponseConsumer}, so nothing here buffers a streamed body.
 */
public final class UpstreamClient implements AutoCloseable {
    private final CloseableHttpAsyncClient client;

    public UpstreamClient(UpstreamClientSettings settings) {
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(settings.ioThreads())
                        .setTcpNoDelay(true)
                        .build())
                .setHttp1Config(Http1Config.DEFAULT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.of(settings.idleEviction()))
                .build();
        client.start();
    }

    /** Sends {@code request}; the returned future can be cancelled to abort the exchange (client went away). */
    public <T> Future<T> send(UpstreamRequest request, AsyncResponseConsumer<T> consumer, FutureCallback<T> callback) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(request.uri())
                .setBody(request.body(), ContentType.APPLICATION_JSON);
        for (Map.Entry<String, String> header : request.headers()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        SimpleHttpRequest http = builder.build();
        http.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.responseTimeout()))
                .setConnectionRequestTimeout(Timeout.of(request.responseTimeout()))
                .build());
        return client.execute(SimpleRequestProducer.create(http), consumer, null, null, callback);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
