package io.llmgate.testkit.provider;

import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.List;

/**
 * A loopback server speaking one provider's real wire format (JSON answers, its streaming framing, its
 * error bodies), scripted in provider-neutral {@link Reply} terms so that one conformance suite can drive
 * every adapter. Unscripted models answer {@link Reply#text(String)} of {@link #DEFAULT_TEXT}.
 */
public interface ProviderFake extends AutoCloseable {
    String DEFAULT_TEXT = "Hello from the fake provider.";

    /** What a deployment's {@code api_base} must be to reach this fake. */
    String apiBase();

    /** Answers every request for {@code upstreamModel} with {@code reply} until {@link #reset()}. */
    void script(String upstreamModel, Reply reply);

    /** Forgets scripts and recorded requests. */
    void reset();

    /** Requests received since the start or the last {@link #reset()}, oldest first. */
    List<RecordedRequest> requests();

    @Override
    void close();
}
