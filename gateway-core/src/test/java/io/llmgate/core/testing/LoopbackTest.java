package io.llmgate.core.testing;

import io.llmgate.core.upstream.UpstreamClient;
import io.llmgate.core.upstream.UpstreamClientSettings;
import io.llmgate.testkit.upstream.FakeOpenAiUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for tests that call a fake OpenAI upstream on loopback through the real {@link UpstreamClient}: both
 * are started once per test class (before the subclass's own {@code @BeforeAll}) and closed after it.
 */
public abstract class LoopbackTest {
    protected static FakeOpenAiUpstream upstream;
    protected static UpstreamClient client;

    @BeforeAll
    static void startLoopback() {
        upstream = FakeOpenAiUpstream.start();
        client = new UpstreamClient(UpstreamClientSettings.defaults());
    }

    @AfterAll
    static void stopLoopback() {
        client.close();
        upstream.close();
    }
}
