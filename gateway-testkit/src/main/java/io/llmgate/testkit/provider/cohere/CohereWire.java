package io.llmgate.testkit.provider.cohere;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.FailureKind;
import io.llmgate.testkit.provider.Replies;
import io.llmgate.testkit.provider.Reply;

import java.util.UUID;

/**
 * Cohere v2 bodies and stream events as its API reference shows them: answers with content parts, tool plans and
 * tool calls, {@code usage} with both {@code billed_units} and {@code tokens} (billed input counts leave out the
 * prompt template, so they are smaller), the typed stream events, and {@code {"message": ...}} errors.
 */
final class CohereWire {
    /** Input tokens Cohere adds for its prompt template but does not bill. */
    static final int TEMPLATE_TOKENS = 6;

    private final String id = UUID.randomUUID().toString();

    ObjectNode textAnswer(Reply.Text text) {
        ObjectNode answer = Replies.JSON.createObjectNode().put("id", id);
        ObjectNode message = answer.putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("type", "text").put("text", text.text());
        answer.put("finish_reason", "COMPLETE");
        answer.set("usage", usage(text.promptTokens(), text.completionTokens()));
        return answer;
    }

    ObjectNode toolAnswer(Reply.ToolCall call) {
        ObjectNode answer = Replies.JSON.createObjectNode().put("id", id);
        ObjectNode message = answer.putObject("message").put("role", "assistant").put("tool_plan", toolPlan(call));
        ObjectNode toolCall = message.putArray("tool_calls").addObject().put("id", call.id()).put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        answer.put("finish_reason", "TOOL_CALL");
        answer.set("usage", usage(call.promptTokens(), call.completionTokens()));
        return answer;
    }

    static String toolPlan(Reply.ToolCall call) {
        return "I will use the " + call.name() + " tool.";
    }

    ObjectNode messageStart() {
        ObjectNode event = event("message-start").put("id", id);
        ObjectNode message = event.putObject("delta").putObject("message").put("role", "assistant");
        message.putArray("content");
        message.put("tool_plan", "");
        message.putArray("tool_calls");
        message.putArray("citations");
        return event;
    }

    ObjectNode contentStart() {
        ObjectNode event = event("content-start").put("index", 0);
        event.putObject("delta").putObject("message").putObject("content").put("type", "text").put("text", "");
        return event;
    }

    ObjectNode contentDelta(String text) {
        ObjectNode event = event("content-delta").put("index", 0);
        event.putObject("delta").putObject("message").putObject("content").put("text", text);
        return event;
    }

    ObjectNode toolPlanDelta(String text) {
        ObjectNode event = event("tool-plan-delta");
        event.putObject("delta").putObject("message").put("tool_plan", text);
        return event;
    }

    ObjectNode toolCallStart(Reply.ToolCall call) {
        ObjectNode event = event("tool-call-start").put("index", 0);
        ObjectNode toolCall = event.putObject("delta").putObject("message").putObject("tool_calls")
                .put("id", call.id()).put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", "");
        return event;
    }

    ObjectNode toolCallDelta(String fragment) {
        ObjectNode event = event("tool-call-delta").put("index", 0);
        event.putObject("delta").putObject("message").putObject("tool_calls").putObject("function").put("arguments", fragment);
        return event;
    }

    ObjectNode indexed(String type) {
        return event(type).put("index", 0);
    }

    ObjectNode messageEnd(String finishReason, int promptTokens, int completionTokens) {
        ObjectNode event = event("message-end");
        ObjectNode delta = event.putObject("delta").put("finish_reason", finishReason);
        delta.set("usage", usage(promptTokens, completionTokens));
        return event;
    }

    static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode usage = Replies.JSON.createObjectNode();
        usage.putObject("billed_units").put("input_tokens", Math.max(1, promptTokens - TEMPLATE_TOKENS))
                .put("output_tokens", completionTokens);
        usage.putObject("tokens").put("input_tokens", promptTokens).put("output_tokens", completionTokens);
        return usage;
    }

    static int status(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> 429;
            case CONTEXT_WINDOW_EXCEEDED, CONTENT_POLICY, BAD_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case SERVER_ERROR -> 500;
            case OVERLOADED -> 503;
        };
    }

    static ObjectNode error(FailureKind kind) {
        String message = switch (kind) {
            case RATE_LIMITED -> "You are using a Trial key, which is limited to 20 API calls / minute. You can continue "
                    + "to use the Trial key for free or upgrade to a Production key with higher rate limits";
            case CONTEXT_WINDOW_EXCEEDED -> "too many tokens: total number of tokens in the prompt cannot exceed 128000 "
                    + "- received 130017. Try using a shorter prompt or a model with a larger context window";
            case CONTENT_POLICY -> "blocked input: please adjust your prompt and try again, as it may be a potential "
                    + "violation of our Usage Policy (https://docs.cohere.com/docs/usage-policy)";
            case AUTHENTICATION -> "invalid api token";
            case BAD_REQUEST -> "invalid request: temperature must be between 0 and 1";
            case SERVER_ERROR -> "internal server error, this has been reported to our developers. id " + UUID.randomUUID();
            case OVERLOADED -> "service unavailable";
        };
        return Replies.JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("message", message);
    }

    private static ObjectNode event(String type) {
        return Replies.JSON.createObjectNode().put("type", type);
    }
}
