package io.llmgate.testkit.upstream;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    @Test
    void should_split_the_default_content_into_four_pieces() {
        // when / then
        assertThat(Scenario.ok().pieces()).hasSize(4).doesNotContain("")
                .satisfies(pieces -> assertThat(String.join("", pieces)).isEqualTo(Scenario.DEFAULT_CONTENT));
    }

    @Test
    void should_grow_the_default_content_to_fill_many_chunks() {
        // when
        Scenario scenario = Scenario.stream(100, Duration.ZERO);

        // then
        assertThat(scenario.pieces()).hasSize(100).doesNotContain("");
        assertThat(scenario.content()).startsWith(Scenario.DEFAULT_CONTENT);
    }

    @Test
    void should_send_short_content_one_character_per_chunk() {
        // when / then
        assertThat(Scenario.content("Hi").pieces()).containsExactly("H", "i");
        assertThat(Scenario.content("").pieces()).isEmpty();
    }

    @Test
    void should_combine_effects_with_withers() {
        // when
        Scenario scenario = Scenario.stream(5, Duration.ofMillis(10))
                .withDelayBeforeHeaders(Duration.ofMillis(20))
                .withDelayAfterHeaders(Duration.ofMillis(25))
                .withStallAfterChunks(2, Duration.ofMillis(30))
                .withContent("abcdefghij");

        // then
        assertThat(scenario.chunks()).isEqualTo(5);
        assertThat(scenario.interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(scenario.delayBeforeHeaders()).isEqualTo(Duration.ofMillis(20));
        assertThat(scenario.delayAfterHeaders()).isEqualTo(Duration.ofMillis(25));
        assertThat(scenario.stall()).contains(new Scenario.Stall(2, Duration.ofMillis(30)));
        assertThat(scenario.pieces()).containsExactly("ab", "cd", "ef", "gh", "ij");
    }

    @Test
    void should_reject_invalid_values_naming_the_field() {
        // when / then
        assertThatThrownBy(() -> Scenario.stream(0, Duration.ZERO))
                .hasMessage("chunks: 0 (expected: >= 1)");
        assertThatThrownBy(() -> Scenario.delayBeforeHeaders(Duration.ofMillis(-1)))
                .hasMessage("delayBeforeHeaders: PT-0.001S (expected: >= 0)");
        assertThatThrownBy(() -> Scenario.delayAfterHeaders(Duration.ofMillis(-1)))
                .hasMessage("delayAfterHeaders: PT-0.001S (expected: >= 0)");
        assertThatThrownBy(() -> Scenario.error(429, "{}", "Retry-After"))
                .hasMessage("headerNameValuePairs: 1 values (expected: name/value pairs)");
        assertThatThrownBy(() -> Scenario.error(99, "{}"))
                .hasMessage("status: 99 (expected: 100..599)");
    }
}
