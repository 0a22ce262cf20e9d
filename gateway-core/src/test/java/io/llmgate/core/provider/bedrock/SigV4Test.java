package io.llmgate.core.provider.bedrock;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS's signer as the adapter drives it, checked against a signature published in AWS's documentation. */
class SigV4Test {
    private static final Clock SUITE_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private static final AwsCredentialsIdentity SUITE_CREDENTIALS =
            AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");


    @Test
    void should_sign_the_get_object_example_of_the_aws_documentation() {
        // given: the S3 GET Object example of AWS's SigV4 header-signing documentation
        Clock documented = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);
        AwsCredentialsIdentity credentials =
                AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        // when
        List<Map.Entry<String, String>> added = SigV4.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                List.of(Map.entry("Range", "bytes=0-9")), new byte[0], credentials, "s3", "us-east-1", documented);

        // then
        assertThat(added).contains(Map.entry("X-Amz-Date", "20130524T000000Z"),
                Map.entry("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                        + "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    }

    @Test
    void should_leave_the_host_header_to_the_http_client() {
        // when
        List<Map.Entry<String, String>> added = SigV4.sign("POST", URI.create("http://127.0.0.1:4711/model/m/converse"),
                List.of(Map.entry("Accept", "application/json")), "{}".getBytes(), SUITE_CREDENTIALS, "bedrock",
                "us-east-1", SUITE_TIME);

        // then
        assertThat(added).extracting(Map.Entry::getKey).doesNotContain("Host", "host", "Accept");
        assertThat(added).filteredOn(h -> h.getKey().equals("Authorization")).singleElement()
                .satisfies(h -> assertThat(h.getValue()).contains("SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date,"));
    }

    @Test
    void should_sign_the_session_token_of_temporary_credentials() {
        // given
        AwsCredentialsIdentity session = AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "secret", "session-token");

        // when
        List<Map.Entry<String, String>> added = SigV4.sign("POST", URI.create("https://bedrock-runtime.eu-west-1.amazonaws.com/x"),
                List.of(), new byte[0], session, "bedrock", "eu-west-1", SUITE_TIME);

        // then
        assertThat(added).contains(Map.entry("X-Amz-Security-Token", "session-token"));
        assertThat(added).filteredOn(h -> h.getKey().equals("Authorization")).singleElement()
                .satisfies(h -> assertThat(h.getValue())
                        .contains("Credential=ASIAEXAMPLE/20150830/eu-west-1/bedrock/aws4_request")
                        .contains("x-amz-security-token"));
    }
}
