package io.llmgate.core.provider.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmgate.core.testing.StreamReplay;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AzureStreamTranslatorTest {
    private static final byte[] CAPTURE = StreamReplay.resource("/provider/azure/stream.sse");

    @Test
    void should_drop_prompt_filter_chunks_and_pass_every_other_chunk_through_at_any_split() {
        for (int split = 0; split <= CAPTURE.length; split++) {
            // when
            StreamReplay.Result result = StreamReplay.replay(CAPTURE, split, () -> AzureStreamTranslator.INSTANCE);

            // then
            List<JsonNode> chunks = result.payloads();
            assertThat(result.endedByProvider()).as("split at %d", split).isTrue();
            assertThat(chunks).as("split at %d", split).hasSize(5)
                    .allSatisfy(chunk -> assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk"))
                    .noneSatisfy(chunk -> assertThat(chunk.has("prompt_filter_results")).isTrue());
            assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
            assertThat(chunks.get(1).path("choices").path(0).path("delta").path("content").asText()
                    + chunks.get(2).path("choices").path(0).path("delta").path("content").asText()).isEqualTo("Bonjour à tous");
            assertThat(chunks.get(3).path("choices").path(0).path("finish_reason").asText()).isEqualTo("content_filter");
            assertThat(chunks.get(4).path("choices")).isEmpty();
            assertThat(chunks.get(4).path("usage").path("total_tokens").asInt()).isEqualTo(15);
        }
    }
}
