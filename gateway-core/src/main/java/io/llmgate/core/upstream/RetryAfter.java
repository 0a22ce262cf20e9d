package io.llmgate.core.upstream;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * A provider's request to wait before retrying, in whole seconds: {@code retry-after-ms} (OpenAI, Azure)
 * rounded up, else {@code Retry-After} as seconds or as an HTTP date.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static OptionalLong seconds(HttpResponse response, Clock clock) {
        Header millis = response.getFirstHeader("retry-after-ms");
        if (millis != null) {
            try {
                return OptionalLong.of((long) Math.ceil(Double.parseDouble(millis.getValue().strip()) / 1000));
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        Header header = response.getFirstHeader("Retry-After");
        return header == null ? OptionalLong.empty() : parse(header.getValue().strip(), clock);
    }

    static OptionalLong parse(String value, Clock clock) {
        try {
            return OptionalLong.of(Math.max(0, (long) Math.ceil(Double.parseDouble(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return OptionalLong.of(Math.max(0, Duration.between(clock.instant(), at).toSeconds()));
            } catch (DateTimeParseException notADate) {
                return OptionalLong.empty();
            }
        }
    }
}
