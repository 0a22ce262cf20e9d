package io.llmgate.core.messages;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicEventsTest {

    @Test
    void should_frame_an_event_with_its_name_and_data() {
        // when
        byte[] frame = AnthropicEvents.frame("ping", bytes("{\"type\": \"ping\"}"));

        // then
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    }

    @Test
    void should_frame_an_unnamed_event_as_data_only() {
        // when / then
        assertThat(new String(AnthropicEvents.frame(null, bytes("{}")), StandardCharsets.UTF_8)).isEqualTo("data: {}\n\n");
    }

    @Test
    void should_give_each_line_of_multi_line_data_its_own_data_field() {
        // when / then
        assertThat(new String(AnthropicEvents.frame("x", bytes("a\nb")), StandardCharsets.UTF_8))
                .isEqualTo("event: x\ndata: a\ndata: b\n\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
