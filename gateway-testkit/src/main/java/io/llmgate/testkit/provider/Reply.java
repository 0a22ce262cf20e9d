package io.llmgate.testkit.provider;

import java.util.Objects;

/** A provider-neutral answer a {@link ProviderFake} renders in its own wire format. */
public sealed interface Reply {

    /** Assistant text; streamed as {@code chunks} roughly equal pieces. */
    record Text(String text, int promptTokens, int completionTokens, int chunks) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
            if (chunks < 1) {
                throw new IllegalArgumentException("chunks: " + chunks + " (expected: >= 1)");
            }
        }
    }

    /** One call of the tool {@code name}; streamed with its arguments split over two deltas. */
    record ToolCall(String id, String name, String argumentsJson, int promptTokens, int completionTokens)
            implements Reply {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    /** The provider's own error answer for {@code kind}. */
    record Failure(FailureKind kind) implements Reply {
        public Failure {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** One embedding per input, each of {@code dimensions} values {@code 0.001 * (index + 1)}. */
    record Embedding(int dimensions, int promptTokens) implements Reply {
    }

    static Text text(String text) {
        return new Text(text, 11, 7, 3);
    }

    static ToolCall toolCall(String name, String argumentsJson) {
        return new ToolCall("call_fake_1", name, argumentsJson, 23, 9);
    }

    static Failure failure(FailureKind kind) {
        return new Failure(kind);
    }

    /** The value {@link Embedding} puts at {@code index}. */
    static float embeddingValue(int index) {
        return 0.001f * (index + 1);
    }
}
