package io.llmgate.it;

import io.llmgate.it.support.ProviderConformance;
import io.llmgate.testkit.provider.bedrock.FakeBedrock;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance suite against the fake Bedrock: Converse, ConverseStream's binary event stream, Cohere
 * embeddings through InvokeModel, AWS error bodies. The fake recomputes every SigV4 signature and answers 403
 * to a wrong one, so every successful answer also proves the gateway signed the exact bytes it sent.
 */
class BedrockConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("bedrock", "bedrock-claude", "anthropic.claude-3-haiku-20240307-v1:0",
                "bedrock-cohere-embed", "cohere.embed-english-v3", EnumSet.complementOf(EnumSet.of(Capability.RETRY_AFTER)));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("Authorization")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("AWS4-HMAC-SHA256 Credential=" + FakeBedrock.ACCESS_KEY_ID + "/")
                .contains("/" + FakeBedrock.REGION + "/bedrock/aws4_request"));
        assertThat(request.header("X-Amz-Date")).isPresent();
        assertThat(request.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
    }
}
