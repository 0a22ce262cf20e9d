package io.llmgate.it;

import io.llmgate.it.support.ProviderConformance;
import io.llmgate.it.support.ProviderDeployments;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI through the deployed gateway: the pass-through adapter against a fake speaking OpenAI's wire format. */
class OpenAiConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("openai", "conformance-openai-chat", "gpt-4o-conformance", "conformance-openai-embed",
                "text-embedding-3-conformance", EnumSet.allOf(Capability.class));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).contains("Bearer " + ProviderDeployments.OPENAI_KEY);
    }
}
