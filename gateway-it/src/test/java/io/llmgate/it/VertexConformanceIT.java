package io.llmgate.it;

import io.llmgate.it.support.ProviderConformance;
import io.llmgate.testkit.provider.vertex.FakeVertex;
import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vertex AI ({@code vertex_ai/}) through the deployed gateway, against {@link FakeVertex}: the gateway signs a
 * JWT with the service account's key, trades it at the fake's token endpoint and sends the token as a bearer.
 */
class VertexConformanceIT extends ProviderConformance {

    @Override
    protected Subject subject() {
        return new Subject("vertex_ai", "vertex-chat", "gemini-2.5-flash", "vertex-embedding", "text-embedding-005",
                EnumSet.complementOf(EnumSet.of(Capability.RETRY_AFTER)));
    }

    @Override
    protected void assertAuthenticated(RecordedRequest request) {
        assertThat(request.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer ya29.fake-"));
        assertThat(((FakeVertex) provider).tokenGrants()).as("tokens issued by the fake's token endpoint").isPositive();
        assertThat(request.path()).startsWith("/v1/projects/" + FakeVertex.PROJECT + "/locations/" + FakeVertex.LOCATION + "/");
    }
}
