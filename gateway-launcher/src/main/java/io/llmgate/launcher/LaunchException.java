package io.llmgate.launcher;

/** The gateway cannot be launched; the message tells the user what to change. */
class LaunchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
