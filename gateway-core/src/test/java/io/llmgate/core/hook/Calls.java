package io.llmgate.core.hook;

import io.llmgate.core.auth.Caller;
import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import io.llmgate.core.request.InferenceEndpoint;
import io.llmgate.core.request.RequestDecoder;
import io.llmgate.core.routing.Deployment;
import io.llmgate.core.testing.ConfigFiles;
import io.llmgate.core.upstream.EventStream;

import java.nio.charset.StandardCharsets;

/** Calls and outcomes for hook tests. */
final class Calls {
    static final Deployment DEPLOYMENT = ConfigFiles.deployment("""
            model_list:
              - model_name: chat
                litellm_params: { model: openai/gpt-4o }
            """);

    private Calls() {
    }

    static InferenceCall call(String model) {
        return new InferenceCall("call-" + model, Caller.MASTER, RequestDecoder.decode(InferenceEndpoint.CHAT_COMPLETIONS,
                ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .getBytes(StandardCharsets.UTF_8)), System.nanoTime());
    }

    static CallOutcome.Answered answered() {
        return new CallOutcome.Answered(DEPLOYMENT, 1, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }

    static CallOutcome.Streaming streaming(EventStream events) {
        return new CallOutcome.Streaming(DEPLOYMENT, 1, events);
    }
}
