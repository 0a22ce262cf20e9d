package io.llmgate.it.support;

/** Chat completion request bodies the tests send; anything unusual is written out in the test itself. */
public final class ChatRequests {

    private ChatRequests() {
    }

    public static String chat(String model) {
        return """
                {"model": "%s", "messages": [{"role": "user", "content": "Say hello"}]}
                """.formatted(model);
    }

    /** {@link #chat} with more top-level fields, e.g. {@code chatWith("m", "\"num_retries\": 2")}. */
    public static String chatWith(String model, String fields) {
        return """
                {"model": "%s", "messages": [{"role": "user", "content": "Say hello"}], %s}
                """.formatted(model, fields);
    }

    public static String streamingChat(String model) {
        return """
                {"model": "%s", "messages": [{"role": "user", "content": "Say hello"}], "stream": true}
                """.formatted(model);
    }

    public static String streamingChatWithUsage(String model) {
        return """
                {"model": "%s", "messages": [{"role": "user", "content": "Say hello"}], "stream": true,
                 "stream_options": {"include_usage": true}}
                """.formatted(model);
    }
}
