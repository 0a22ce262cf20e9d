package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

/**
 * Plays a stream's events under a scenario's timing: after the pause that follows the headers, opening
 * events at once, content events {@code interval} apart with the stall and the drop placed after the
 * requested number of them, then the closing events and {@code [DONE]}. Chat and legacy completions share it.
 */
final class StreamPlayer {
    private StreamPlayer() {
    }

    static void play(SseStream stream, List<JsonNode> opening, List<JsonNode> content, List<JsonNode> closing,
            Scenario scenario) throws IOException {
        Pause.sleep(scenario.delayAfterHeaders()); // the stream is open (headers sent) but silent
        for (JsonNode event : opening) {
            stream.event(event);
        }
        int last = content.size();
        int dropAt = scenario.dropAfterChunks().isPresent()
                ? Math.min(scenario.dropAfterChunks().getAsInt(), last)
                : -1;
        int stallAt = scenario.stall().map(stall -> Math.min(stall.afterChunks(), last)).orElse(-1);
        for (int sent = 0; ; sent++) {
            if (sent == stallAt) {
                Pause.sleep(scenario.stall().orElseThrow().pause());
            }
            if (sent == dropAt) {
                throw new ConnectionDrop("dropped after " + sent + " content events");
            }
            if (sent == last) {
                break;
            }
            if (sent > 0) {
                Pause.sleep(scenario.interval());
            }
            stream.event(content.get(sent));
        }
        for (JsonNode event : closing) {
            stream.event(event);
        }
        stream.done();
    }
}
