package io.llmgate.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractAssert;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AssertJ assertions on a gateway answer; every failure message shows the status and body, so a
 * failing run says what the gateway actually sent.
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, HttpResponse<String>> {

    /** A Java stack frame ({@code at io.llmgate.Foo.bar(Foo.java:12)}) or a chained cause. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(|Caused by: ");

    private ResponseAssert(HttpResponse<String> actual) {
        super(actual, ResponseAssert.class);
    }

    public static ResponseAssert assertThatResponse(HttpResponse<String> actual) {
        return new ResponseAssert(actual);
    }

    public ResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.statusCode() != expected) {
            failWithMessage("expected HTTP %d but was %s", expected, describe());
        }
        return this;
    }

    public ResponseAssert hasStatusIn(Integer... expected) {
        isNotNull();
        if (!Arrays.asList(expected).contains(actual.statusCode())) {
            failWithMessage("expected HTTP status in %s but was %s", Arrays.toString(expected), describe());
        }
        return this;
    }

    public ResponseAssert hasJsonBody() {
        isNotNull();
        String type = actual.headers().firstValue("content-type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            failWithMessage("expected an application/json answer but the content type was <%s>: %s", type, describe());
        }
        if (Json.parseOrNull(actual.body()) == null) {
            failWithMessage("expected a JSON body but was %s", describe());
        }
        return this;
    }

    /** {@code {"error":{"message":"...","type":"...","param":..,"code":..}}} and no stack trace. */
    public ResponseAssert hasOpenAiErrorBody() {
        hasJsonBody();
        JsonNode error = json().path("error");
        if (!error.isObject()) {
            failWithMessage("expected an OpenAI error object but was %s", describe());
        }
        for (String field : new String[] {"message", "type", "param", "code"}) {
            if (!error.has(field)) {
                failWithMessage("expected error.%s in %s", field, describe());
            }
        }
        if (!error.get("message").isTextual() || error.get("message").asText().isBlank()) {
            failWithMessage("expected a non-blank error.message in %s", describe());
        }
        if (!error.get("type").isTextual() || error.get("type").asText().isBlank()) {
            failWithMessage("expected a non-blank error.type in %s", describe());
        }
        if (STACK_TRACE.matcher(actual.body()).find()) {
            failWithMessage("expected no stack trace in %s", describe());
        }
        return this;
    }

    /** Anthropic's {@code {"type":"error","error":{"type":"<expected>","message":"..."}}} and no stack trace. */
    public ResponseAssert hasAnthropicErrorType(String expected) {
        hasJsonBody();
        JsonNode body = json();
        if (!body.path("type").asText().equals("error") || !body.path("error").isObject()) {
            failWithMessage("expected an Anthropic error object but was %s", describe());
        }
        if (!expected.equals(body.path("error").path("type").asText())) {
            failWithMessage("expected error.type <%s> in %s", expected, describe());
        }
        if (body.path("error").path("message").asText().isBlank()) {
            failWithMessage("expected a non-blank error.message in %s", describe());
        }
        if (STACK_TRACE.matcher(actual.body()).find()) {
            failWithMessage("expected no stack trace in %s", describe());
        }
        return this;
    }

    public ResponseAssert hasErrorType(String expected) {
        hasOpenAiErrorBody();
        if (!expected.equals(json().path("error").path("type").asText())) {
            failWithMessage("expected error.type <%s> in %s", expected, describe());
        }
        return this;
    }

    /** error.message contains each text, ignoring case. */
    public ResponseAssert hasErrorMessageContaining(String... texts) {
        hasOpenAiErrorBody();
        String message = json().path("error").path("message").asText().toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (!message.contains(text.toLowerCase(Locale.ROOT))) {
                failWithMessage("expected error.message to contain <%s> in %s", text, describe());
            }
        }
        return this;
    }

    public ResponseAssert hasHeader(String name) {
        isNotNull();
        if (actual.headers().firstValue(name).filter(value -> !value.isBlank()).isEmpty()) {
            failWithMessage("expected a non-blank header <%s>, headers were %s", name, actual.headers().map());
        }
        return this;
    }

    public JsonNode json() {
        return Json.parse(actual.body());
    }

    private String describe() {
        return "HTTP " + actual.statusCode() + " " + actual.request().method() + " " + actual.uri().getPath()
                + " -> " + Json.abbreviate(actual.body());
    }
}
