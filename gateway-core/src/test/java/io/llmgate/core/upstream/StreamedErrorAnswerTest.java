package io.llmgate.core.upstream;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.testkit.upstream.Scenario;
import io.llmgate.core.testing.LoopbackTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A stream request the provider refuses: its status and message reach the caller before any event. */
class StreamedErrorAnswerTest extends LoopbackTest {

    @Test
    void should_fail_before_the_start_with_the_providers_status_and_message() {
        // given
        upstream.script("refusing", Scenario.openAiError(400, "invalid_request_error", "max_tokens is too large", null));

        // when
        GatewayException error = startFails("refusing");

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST);
        assertThat(error).hasMessage("openai returned 400: max_tokens is too large");
    }

    @Test
    void should_report_a_large_error_body_promptly_with_its_status() {
        // given: an error page far larger than the 64 KiB kept of it, and than the stream window
        upstream.script("huge-error", Scenario.error(503, "<html>" + "overloaded ".repeat(50_000) + "</html>",
                "Content-Type", "text/html"));

        // when
        long started = System.nanoTime();
        GatewayException error = startFails("huge-error");

        // then: not a 408 after stream_timeout
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.type()).isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
        assertThat(error.getMessage()).startsWith("openai returned 503: <html>overloaded");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
    }

    private static GatewayException startFails(String model) {
        Deployment deployment = ConfigFiles.deployment("""
                model_list:
                  - model_name: %s
                    litellm_params: { model: openai/%s, api_base: "%s", stream_timeout: 3 }
                """.formatted(model, model, upstream.baseUrl()));
        Throwable thrown = catchThrowable(() -> Exchanges.stream(client, deployment, Exchanges.chat(model, true), 64 * 1024)
                .get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayException.class);
        return (GatewayException) thrown.getCause();
    }
}
