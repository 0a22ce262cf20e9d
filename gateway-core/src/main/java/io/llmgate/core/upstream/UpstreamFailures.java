package io.llmgate.core.upstream;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Turns a transport failure while talking to a provider into the error the caller sees: the provider
 * and the upstream host are named, the exception text (which may echo URLs) is not.
 */
public final class UpstreamFailures {
    private UpstreamFailures() {
    }

    public static GatewayException classify(Throwable failure, Deployment deployment, boolean streaming) {
        String provider = deployment.provider().name();
        String model = deployment.upstreamModel();
        String where = provider + " at " + deployment.endpointLabel();
        if (failure instanceof GatewayException known) {
            return known;
        }
        if (failure instanceof BufferingConsumer.ResponseTooLargeException) {
            return GatewayException.upstream(ErrorType.UPSTREAM, 502, "The response from " + where
                    + " exceeded max_response_size_mb", false, provider, model, failure);
        }
        if (failure instanceof StreamingConsumer.StreamEndedEarlyException
                || failure instanceof org.apache.hc.core5.http.ConnectionClosedException) {
            return GatewayException.upstream(ErrorType.API_CONNECTION, 502, "The answer from " + where
                    + " ended unexpectedly (connection closed before the end)", true, provider, model, failure);
        }
        if (failure instanceof ConnectTimeoutException) {
            return GatewayException.upstream(ErrorType.API_CONNECTION, 503, "Could not connect to " + where
                    + " (connect timeout)", true, provider, model, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            java.time.Duration limit = streaming ? deployment.streamTimeout() : deployment.timeout();
            return GatewayException.upstream(ErrorType.TIMEOUT, 408, "Request to " + where + " timed out after "
                    + seconds(limit) + (streaming ? " waiting for the stream" : ""), true, provider, model, failure);
        }
        if (failure instanceof HttpHostConnectException || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException) {
            return GatewayException.upstream(ErrorType.API_CONNECTION, 502, "Could not connect to " + where
                    + " (connection refused)", true, provider, model, failure);
        }
        if (failure instanceof UnknownHostException) {
            return GatewayException.upstream(ErrorType.API_CONNECTION, 502, "Could not resolve the host of " + where,
                    true, provider, model, failure);
        }
        if (failure instanceof CancellationException) {
            return GatewayException.upstream(ErrorType.API_CONNECTION, 499, "The call to " + where + " was cancelled",
                    false, provider, model, failure);
        }
        return GatewayException.upstream(ErrorType.API_CONNECTION, 502, "Connection to " + where + " failed ("
                + failure.getClass().getSimpleName() + ")", true, provider, model, failure);
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
