package io.llmgate.it.support;

import io.llmgate.testkit.upstream.FakeOpenAiUpstream;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body fields that steer LiteLLM's router rather than the model ({@code num_retries}, {@code timeout},
 * {@code fallbacks}, {@code mock_response} and the {@code mock_testing_*} switches): the gateway takes them out
 * of the request, so no provider may ever receive one.
 */
public final class RouterControls {
    public static final List<String> FIELDS = List.of("num_retries", "fallbacks", "timeout", "mock_response",
            "mock_testing_fallbacks", "mock_testing_rate_limit_error", "mock_testing_context_fallbacks",
            "mock_testing_context_window_fallbacks", "mock_testing_content_policy_fallbacks");

    private RouterControls() {
    }

    /** Fails naming the deployment when a request the fake received carried one of {@link #FIELDS}. */
    public static void assertNoneReached(FakeOpenAiUpstream upstream) {
        assertThat(upstream.requests()).allSatisfy(request -> {
            List<String> fields = new ArrayList<>();
            request.bodyJson().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("fields sent to %s", request.model().orElse("?")).doesNotContainAnyElementsOf(FIELDS);
        });
    }

}
