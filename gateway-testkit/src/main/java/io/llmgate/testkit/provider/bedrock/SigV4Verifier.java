package io.llmgate.testkit.provider.bedrock;

import io.llmgate.testkit.upstream.RecordedRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's AWS Signature Version 4 the way AWS does: parses the {@code Authorization} header, checks
 * key, scope and clock skew, rebuilds the canonical request from what was received (path segments encoded a
 * second time, as for every service but S3) and recomputes the signature. Written from the SigV4 documentation,
 * independently of the signer the gateway uses, so that one checks the other.
 */
public final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?"
                    + "SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final String service;

    public SigV4Verifier(String accessKeyId, String secretAccessKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
    }

    /** Why the request's signature is not valid, in AWS's words; empty when it is. */
    public Optional<Rejection> check(RecordedRequest request) {
        Matcher auth = AUTHORIZATION.matcher(request.header("Authorization").orElse(""));
        if (!auth.matches()) {
            return reject("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature'"
                    + " and 'SignedHeaders' parameters of the AWS4-HMAC-SHA256 scheme.");
        }
        if (!accessKeyId.equals(auth.group(1))) {
            return reject("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        String amzDate = request.header("X-Amz-Date").orElse("");
        List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return reject("IncompleteSignatureException", "Host and X-Amz-Date must be signed.");
        }
        if (!amzDate.startsWith(auth.group(2)) || !region.equals(auth.group(3)) || !service.equals(auth.group(4))) {
            return reject("InvalidSignatureException", "Credential should be scoped to a valid region and service, and"
                    + " to the date of X-Amz-Date.");
        }
        if (tooOld(amzDate)) {
            return reject("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than allowed.");
        }
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        String payloadHash = hex(sha256(body));
        if (request.header("X-Amz-Content-Sha256").filter(h -> !h.equals(payloadHash)).isPresent()) {
            return reject("InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what"
                    + " was computed.");
        }
        List<String> headerLines = new ArrayList<>();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                return reject("InvalidSignatureException", "Signed header " + name + " is missing.");
            }
            headerLines.add(name + ":" + String.join(",", values.stream().map(SigV4Verifier::trimAll).toList()));
        }
        String canonical = canonicalRequest(request.method(), request.path(), request.query(), headerLines,
                auth.group(5), payloadHash);
        String expected = signature(secretAccessKey, amzDate, region, service, canonical);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return reject("InvalidSignatureException", "The request signature we calculated does not match the signature"
                    + " you provided. Check your AWS Secret Access Key and signing method. Consult the service"
                    + " documentation for details.");
        }
        return Optional.empty();
    }

    /** The canonical request of the SigV4 specification. */
    static String canonicalRequest(String method, String rawPath, String rawQuery, List<String> headerLines,
                                   String signedHeaders, String payloadHash) {
        return method + "\n" + encodeSegments(rawPath.isEmpty() ? "/" : rawPath) + "\n" + canonicalQuery(rawQuery)
                + "\n" + String.join("\n", headerLines) + "\n\n" + signedHeaders + "\n" + payloadHash;
    }

    /** The hex signature of {@code canonicalRequest}, signed at {@code amzDate} for {@code region} and {@code service}. */
    static String signature(String secret, String amzDate, String region, String service, String canonicalRequest) {
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** Each path segment percent-encoded again (its existing escapes included), slashes kept. */
    private static String encodeSegments(String rawPath) {
        StringBuilder out = new StringBuilder();
        for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(URLDecoder.decode(name, StandardCharsets.UTF_8)) + "="
                    + encode(URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return encodeSegments(text).replace("/", "%2F");
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static String trimAll(String value) {
        return value.strip().replaceAll(" +", " ");
    }

    private static boolean tooOld(String amzDate) {
        try {
            Instant signedAt = AMZ_DATE.parse(amzDate, Instant::from);
            return Duration.between(signedAt, Instant.now()).abs().compareTo(MAX_SKEW) > 0;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Optional<Rejection> reject(String errorType, String message) {
        return Optional.of(new Rejection(errorType, message));
    }

    /** An AWS authentication failure: the exception name of {@code x-amzn-ErrorType} and its message. */
    public record Rejection(String errorType, String message) {
    }
}
