package io.llmgate.bench;

import java.nio.charset.StandardCharsets;

/** The request the benchmark sends: a small, realistic chat (system + user message, max_tokens 64). */
final class RequestBodies {
    private RequestBodies() {
    }

    static byte[] chat(String model, boolean stream) {
        String json = "{\"model\":\"" + model + "\","
                + "\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are a concise assistant for a travel booking site. "
                + "Answer in at most two sentences and never invent prices.\"},"
                + "{\"role\":\"user\",\"content\":\"What is the best time of year to visit Lisbon, and do I need "
                + "to book the Jeronimos Monastery in advance?\"}],"
                + "\"max_tokens\":64,\"temperature\":0.2"
                + (stream ? ",\"stream\":true" : "")
                + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
