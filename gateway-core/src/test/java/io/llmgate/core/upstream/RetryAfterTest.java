package io.llmgate.core.upstream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "7 | 7",
            "0 | 0",
            "2.5 | 3",
            "Sun, 22 Nov 2026 08:00:30 GMT | 30",
            "Sun, 22 Nov 2026 07:59:00 GMT | 0",
            "soon | -1"})
    void should_read_seconds_or_an_http_date(String value, long expected) {
        // when
        var seconds = RetryAfter.parse(value, NOW);

        // then
        if (expected < 0) {
            assertThat(seconds).isEmpty();
        } else {
            assertThat(seconds).hasValue(expected);
        }
    }
}
