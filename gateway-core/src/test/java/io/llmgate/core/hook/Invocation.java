package io.llmgate.core.hook;

import io.llmgate.core.pipeline.CallOutcome;
import io.llmgate.core.pipeline.InferenceCall;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/** An intercepted {@code InferencePipeline.execute(call)} whose "method" is the given body; counts proceeds. */
final class Invocation implements InvocationContext {
    private final Object[] parameters;
    private final Callable<CompletionStage<CallOutcome>> body;
    private final Map<String, Object> contextData = new HashMap<>();
    private int proceeds;

    Invocation(InferenceCall call, Callable<CompletionStage<CallOutcome>> body) {
        this.parameters = new Object[] {call};
        this.body = body;
    }

    int proceeds() {
        return proceeds;
    }

    @Override
    public Object proceed() throws Exception {
        proceeds++;
        return body.call();
    }

    @Override
    public Object[] getParameters() {
        return parameters;
    }

    @Override
    public Object getTarget() {
        return null;
    }

    @Override
    public Object getTimer() {
        return null;
    }

    @Override
    public Method getMethod() {
        return null;
    }

    @Override
    public Constructor<?> getConstructor() {
        return null;
    }

    @Override
    public void setParameters(Object[] params) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Object> getContextData() {
        return contextData;
    }
}
