package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * One POST route of the fake. The server has already recorded the request, parsed its JSON
 * object, found its {@code model}, waited out the scenario's delay and ruled out an error or
 * malformed reply; the endpoint answers normally within the scenario's timing.
 */
interface Endpoint {

    void answer(HttpExchange exchange, ObjectNode request, Scenario scenario) throws IOException;

    /** OpenAI's answer when a required field is missing. */
    static ObjectNode missingParameter(String name) {
        return OpenAiError.body("Missing required parameter: '" + name + "'.", OpenAiError.INVALID_REQUEST, name,
                "missing_required_parameter");
    }

    static boolean streaming(ObjectNode request) {
        return request.path("stream").asBoolean(false);
    }

    static boolean includeUsage(ObjectNode request) {
        return request.path("stream_options").path("include_usage").asBoolean(false);
    }
}
