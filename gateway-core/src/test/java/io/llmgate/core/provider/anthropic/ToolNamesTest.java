package io.llmgate.core.provider.anthropic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ToolNamesTest {

    @Test
    void should_keep_valid_names_and_rewrite_invalid_characters() {
        // when
        ToolNames names = ToolNames.of(List.of("get_weather", "actions/download-job-logs.v2"), Set.of());

        // then
        assertThat(names.toAnthropic("get_weather")).isEqualTo("get_weather");
        assertThat(names.toAnthropic("actions/download-job-logs.v2")).isEqualTo("actions_download-job-logs_v2");
        assertThat(names.toCaller("actions_download-job-logs_v2")).isEqualTo("actions/download-job-logs.v2");
    }

    @Test
    void should_give_a_rewritten_name_a_suffix_when_a_valid_name_comes_after_it() {
        // when
        ToolNames names = ToolNames.of(List.of("foo/bar", "foo_bar"), Set.of());

        // then: the valid name keeps its name whatever the order
        assertThat(names.toAnthropic("foo_bar")).isEqualTo("foo_bar");
        assertThat(names.toAnthropic("foo/bar")).isEqualTo("foo_bar_2");
        assertThat(names.toCaller("foo_bar_2")).isEqualTo("foo/bar");
        assertThat(names.toCaller("foo_bar")).isEqualTo("foo_bar");
    }

    @Test
    void should_give_a_rewritten_name_a_suffix_when_a_valid_name_comes_before_it() {
        // when
        ToolNames names = ToolNames.of(List.of("foo_bar", "foo/bar"), Set.of());

        // then
        assertThat(names.toAnthropic("foo_bar")).isEqualTo("foo_bar");
        assertThat(names.toAnthropic("foo/bar")).isEqualTo("foo_bar_2");
    }

    @Test
    void should_count_suffixes_up_among_several_colliding_names() {
        // when
        ToolNames names = ToolNames.of(List.of("foo.bar", "foo/bar", "foo bar", "foo_bar"), Set.of());

        // then
        assertThat(names.toAnthropic("foo.bar")).isEqualTo("foo_bar_2");
        assertThat(names.toAnthropic("foo/bar")).isEqualTo("foo_bar_3");
        assertThat(names.toAnthropic("foo bar")).isEqualTo("foo_bar_4");
    }

    @Test
    void should_map_the_same_invalid_name_once() {
        // when
        ToolNames names = ToolNames.of(List.of("foo/bar", "foo/bar", "foo/bar"), Set.of());

        // then: a second mapping would leave foo_bar orphaned and send duplicates
        assertThat(names.toAnthropic("foo/bar")).isEqualTo("foo_bar");
        assertThat(names.toCaller("foo_bar")).isEqualTo("foo/bar");
        assertThat(names.toCaller("foo_bar_2")).isEqualTo("foo_bar_2");
    }

    @Test
    void should_only_reverse_names_it_rewrote() {
        // when
        ToolNames names = ToolNames.of(List.of("foo_bar", "x.y"), Set.of());

        // then
        assertThat(names.toCaller("foo_bar")).isEqualTo("foo_bar");
        assertThat(names.toCaller("unknown_tool")).isEqualTo("unknown_tool");
        assertThat(names.renamesAny()).isTrue();
        assertThat(ToolNames.of(List.of("a", "b"), Set.of()).renamesAny()).isFalse();
    }

    @Test
    void should_never_give_a_rewritten_name_the_name_of_a_hosted_tool() {
        // when
        ToolNames names = ToolNames.of(List.of("web.search"), Set.of("web_search"));

        // then
        assertThat(names.toAnthropic("web.search")).isEqualTo("web_search_2");
        assertThat(names.toAnthropic("web_search")).isEqualTo("web_search");
    }

    @Test
    void should_truncate_to_128_characters_leaving_room_for_the_suffix() {
        // given
        String longValid = "a".repeat(128);
        String longInvalid = "a".repeat(130) + ".";

        // when
        ToolNames names = ToolNames.of(List.of(longInvalid, longValid), Set.of());

        // then
        String rewritten = names.toAnthropic(longInvalid);
        assertThat(rewritten).hasSize(128).endsWith("_2").startsWith("aaaa");
        assertThat(ToolNames.isValid(rewritten)).isTrue();
        assertThat(names.toCaller(rewritten)).isEqualTo(longInvalid);
    }

    @Test
    void should_name_a_tool_whose_name_is_empty() {
        // when
        ToolNames names = ToolNames.of(List.of("", "tool"), Set.of());

        // then
        assertThat(names.toAnthropic("")).isEqualTo("tool_2");
    }
}
