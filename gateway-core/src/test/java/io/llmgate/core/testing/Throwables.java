package io.llmgate.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What an exception would show anyone who prints it: every message and toString along its cause chain. */
public final class Throwables {
    private Throwables() {
    }

    public static List<String> texts(Throwable error) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                texts.addAll(texts(suppressed));
            }
        }
        return texts;
    }
}
