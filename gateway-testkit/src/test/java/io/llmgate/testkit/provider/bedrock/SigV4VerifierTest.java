package io.llmgate.testkit.provider.bedrock;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier against vectors of AWS's SigV4 test suite (credential AKIDEXAMPLE, 2015-08-30T12:36:00Z). */
class SigV4VerifierTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String DATE = "20150830T123600Z";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final List<String> HEADERS = List.of("host:example.amazonaws.com", "x-amz-date:" + DATE);

    @Test
    void should_sign_get_vanilla_as_aws_does() {
        // when
        String canonical = SigV4Verifier.canonicalRequest("GET", "/", "", HEADERS, "host;x-amz-date", EMPTY_SHA256);

        // then
        assertThat(SigV4Verifier.signature(SECRET, DATE, "us-east-1", "service", canonical))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void should_sign_post_vanilla_as_aws_does() {
        // when
        String canonical = SigV4Verifier.canonicalRequest("POST", "/", "", HEADERS, "host;x-amz-date", EMPTY_SHA256);

        // then
        assertThat(SigV4Verifier.signature(SECRET, DATE, "us-east-1", "service", canonical))
                .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void should_sort_query_parameters_as_aws_does() {
        // when: get-vanilla-query-order-key-case
        String canonical = SigV4Verifier.canonicalRequest("GET", "/", "Param2=value2&Param1=value1", HEADERS,
                "host;x-amz-date", EMPTY_SHA256);

        // then
        assertThat(SigV4Verifier.signature(SECRET, DATE, "us-east-1", "service", canonical))
                .isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void should_encode_an_already_encoded_path_segment_a_second_time() {
        // when
        String canonical = SigV4Verifier.canonicalRequest("POST", "/model/anthropic.claude-v2%3A1/converse", "",
                HEADERS, "host;x-amz-date", EMPTY_SHA256);

        // then
        assertThat(canonical).startsWith("POST\n/model/anthropic.claude-v2%253A1/converse\n\n");
    }
}
