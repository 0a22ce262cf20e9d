package io.llmgate.testkit.upstream;

/**
 * Thrown out of the exchange handler to cut a connection mid-response. The JDK server answers
 * any exception from a handler by closing the socket without calling {@code HttpExchange.close()},
 * so a chunked body never gets its terminating zero-length chunk and the client sees a premature end.
 * Closing the response stream instead would finish the chunked encoding and look like a clean end.
 */
final class ConnectionDrop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionDrop(String reason) {
        super(reason, null, false, false);
    }
}
