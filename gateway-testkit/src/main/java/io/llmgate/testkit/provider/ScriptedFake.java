package io.llmgate.testkit.provider;

import io.llmgate.testkit.upstream.RecordedRequest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link ProviderFake} does besides speaking its wire format: the loopback server, the replies scripted per
 * upstream model ({@link Reply#text} of {@link #DEFAULT_TEXT} when none is), and the recorded requests. A subclass
 * renders replies in its provider's format from {@link #handle}.
 */
public abstract class ScriptedFake implements ProviderFake {
    private final Map<String, Reply> scripts = new ConcurrentHashMap<>();
    private final LoopbackServer server;

    protected ScriptedFake(String name) {
        this.server = LoopbackServer.start(name, this::handle);
    }

    /** Answers one request; {@link #replyFor} tells what was scripted for its model. */
    protected abstract void handle(RecordedRequest request, com.sun.net.httpserver.HttpExchange exchange)
            throws java.io.IOException;

    protected Reply replyFor(String upstreamModel) {
        return scripts.getOrDefault(upstreamModel, Reply.text(DEFAULT_TEXT));
    }

    /** {@code http://127.0.0.1:<port>}. */
    protected String origin() {
        return server.origin();
    }

    @Override
    public void script(String upstreamModel, Reply reply) {
        scripts.put(Objects.requireNonNull(upstreamModel, "upstreamModel"), Objects.requireNonNull(reply, "reply"));
    }

    @Override
    public void reset() {
        scripts.clear();
        server.clearRequests();
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}
