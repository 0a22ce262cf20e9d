package io.llmgate.testkit.upstream;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids shaped like OpenAI's, e.g. {@code chatcmpl-} followed by 29 letters and digits. */
final class ResponseIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ResponseIds() {
    }

    static String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 29; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
