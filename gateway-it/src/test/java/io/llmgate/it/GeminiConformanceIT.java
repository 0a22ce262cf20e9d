package io.llmgate.it;

import io.llmgate.it.support.ProviderConformance;
import io.llmgate.testkit.provider.gemini.FakeGemini;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Google AI Studio's Gemini API ({@code gemini/}) through the deployed gateway, against {@link FakeGemini}. */
class GeminiConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("gemini", "gemini-chat", "gemini-2.0-flash", "gemini-embedding", "text-embedding-004",
                EnumSet.complementOf(EnumSet.of(Capability.RETRY_AFTER)));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("x-goog-api-key")).contains(FakeGemini.API_KEY);
        assertThat(request.query()).as("the key never travels in the URL").doesNotContain("key=");
    }
}
