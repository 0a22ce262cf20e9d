package io.llmgate.persistence.migration;

/** The schema could not be brought up to date; the gateway must not start on such a database. */
public class SchemaMigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
