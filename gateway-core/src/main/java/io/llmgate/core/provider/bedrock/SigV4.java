package io.llmgate.core.provider.bedrock;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs a request with AWS Signature Version 4 using AWS's own signer, over the exact body bytes that will be sent.
 * Returns only the headers the signer added ({@code X-Amz-Date}, {@code Authorization}, the session token...):
 * the host it signed is the URI's authority, which the HTTP client sends as {@code Host} by itself, port included.
 */
final class SigV4 {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final String HOST = "Host";

    private SigV4() {
    }

    /**
     * @param method  {@code POST} for every Bedrock call
     * @param headers headers that will be sent as given and are signed too (Accept, extra_headers)
     */
    static List<Map.Entry<String, String>> sign(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                                                AwsCredentialsIdentity credentials, String service, String region,
                                                Clock clock) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        Set<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers) {
            request.appendHeader(header.getKey(), header.getValue());
            given.add(header.getKey());
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        List<Map.Entry<String, String>> added = new ArrayList<>(4);
        signed.request().forEachHeader((name, values) -> {
            if (!given.contains(name) && !HOST.equalsIgnoreCase(name)) {
                values.forEach(value -> added.add(Map.entry(name, value)));
            }
        });
        return added;
    }
}
